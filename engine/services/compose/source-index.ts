import path from 'node:path';
import { formatPath, type KeyPath, type Problem, type SourcePos } from './problems';

/**
 * Remembers where every key path of every loaded file sits, so problems found after merging and normalisation
 * still point at file:line:col. The last -f file that mentions a path wins, as it is the one that set it.
 */
export class SourceIndex {
  private readonly files: { file: string; positions: Map<string, SourcePos> }[] = [];

  constructor(private readonly workingDir: string) {}

  add(file: string, positions: Map<string, SourcePos>): void {
    this.files.push({ file, positions });
  }

  display(file: string): string {
    const rel = path.relative(this.workingDir, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  }

  /** A problem at `keyPath`, located at the nearest ancestor path some file (of `file`, when given) defines. */
  locate(keyPath: KeyPath, message: string, file?: string | readonly string[]): Problem {
    const within = typeof file === 'string' ? [file] : file;
    const candidates = within === undefined ? [...this.files].reverse() : this.files.filter((f) => within.includes(f.file)).reverse();
    for (let len = keyPath.length; len >= 1; len--) {
      const key = formatPath(keyPath.slice(0, len));
      for (const f of candidates) {
        const pos = f.positions.get(key);
        if (pos) return { file: this.display(f.file), line: pos.line, column: pos.column, path: formatPath(keyPath), message };
      }
    }
    const fallback = within?.[0] ?? this.files[0]?.file;
    return { ...(fallback === undefined ? {} : { file: this.display(fallback) }), path: formatPath(keyPath), message };
  }
}
