import { BerthError } from '../../base/errors';

/** A key path inside a compose document: map keys and sequence indexes. */
export type KeyPath = readonly (string | number)[];

export interface SourcePos {
  line: number;
  column: number;
}

/** One thing wrong with the compose project, located as precisely as we can. */
export interface Problem {
  /** The file as the user should read it (relative to the project dir when inside it). */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `services.web.ports[0]`; empty for file-level problems. */
  path: string;
  message: string;
}

export function formatPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function formatProblem(p: Problem): string {
  const where =
    p.file === undefined
      ? ''
      : p.line === undefined
        ? `${p.file}: `
        : `${p.file}:${p.line}:${p.column ?? 1}: `;
  return `${where}${p.path === '' ? '' : `${p.path}: `}${p.message}`;
}

/** Thrown by helpers deep in the loader; the caller adds file and position before it reaches the user. */
export class ComposeIssue extends Error {
  constructor(
    message: string,
    readonly path: KeyPath = [],
  ) {
    super(message);
    this.name = 'ComposeIssue';
  }
}

/**
 * Collects every problem of one load so the user sees them all at once (details), while the message of the
 * thrown error names the first one with its file:line:col.
 */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(problem: Problem): void {
    const text = formatProblem(problem);
    if (!this.problems.some((p) => formatProblem(p) === text)) this.problems.push(problem);
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    throw toBerthError(this.problems);
  }
}

export function toBerthError(problems: Problem[]): BerthError {
  const first = problems[0];
  const head = first === undefined ? 'invalid compose project' : formatProblem(first);
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new BerthError('INVALID_ARGUMENT', `${head}${more}`, {
    problems: problems.map((p) => ({ ...p, text: formatProblem(p) })),
  });
}
