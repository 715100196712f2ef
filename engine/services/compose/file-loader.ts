import { readUserFile } from './envfiles';
import { applyExtends, type LoadedFile } from './extends';
import { type ProjectEnvironment } from './files';
import { interpolateValue } from './interpolate';
import { isMapping, mergeTagged, type Mapping } from './merge';
import { ComposeIssue, formatPath, ProblemList } from './problems';
import type { SourceIndex } from './source-index';
import { validateAgainstSchema } from './validate';
import { parseComposeYaml } from './yaml-source';

/** Reads, parses, interpolates and validates single files, remembering positions for later problems. */
export class FileLoader {
  private readonly cache = new Map<string, Promise<LoadedFile | undefined>>();

  /** `index` and `problems` may be shared with the loader of an including project, so all problems land in one list. */
  constructor(
    readonly index: SourceIndex,
    private readonly env: ProjectEnvironment,
    readonly problems = new ProblemList(),
  ) {}

  report(issue: ComposeIssue, file?: string | readonly string[]): void {
    this.problems.add(this.index.locate(issue.path, issue.message, file));
  }

  load(file: string): Promise<LoadedFile | undefined> {
    let pending = this.cache.get(file);
    if (!pending) {
      pending = this.read(file);
      this.cache.set(file, pending);
    }
    return pending;
  }

  async loadForExtends(file: string): Promise<LoadedFile> {
    const lf = await this.load(file);
    if (!lf) throw new ComposeIssue(`cannot extend from ${this.index.display(file)}: that file has errors`);
    return lf;
  }

  private async read(file: string): Promise<LoadedFile | undefined> {
    const display = this.index.display(file);
    let text: string;
    try {
      text = await readUserFile(file, 'compose file');
    } catch (err) {
      if (!(err instanceof ComposeIssue)) throw err;
      this.problems.add({ file: display, path: '', message: err.message });
      return undefined;
    }
    const { parsed, problems } = parseComposeYaml(text);
    if (parsed) this.index.add(file, parsed.positions);
    for (const p of problems) {
      if (p.pos) this.problems.add({ file: display, line: p.pos.line, column: p.pos.column, path: formatPath(p.path ?? []), message: p.message });
      else this.report(new ComposeIssue(p.message, p.path ?? []), file);
    }
    if (!parsed || problems.length > 0) return undefined;
    if (parsed.value === null) {
      this.problems.add({ file: display, path: '', message: 'the compose file is empty' });
      return undefined;
    }
    if (!isMapping(parsed.value)) {
      this.problems.add({ file: display, line: 1, column: 1, path: '', message: 'a compose file must be a mapping at the top level' });
      return undefined;
    }
    const before = this.problems.problems.length;
    const onUnset = (name: string) => this.env.unset.add(name);
    const value = interpolateValue(parsed.value, { lookup: this.env.lookup, onUnset, onError: (issue) => this.report(issue, file) });
    for (const p of await validateAgainstSchema(value)) this.report(new ComposeIssue(p.message, p.path), file);
    if (this.problems.problems.length > before) return undefined;
    return { file, value: value as Mapping, resets: parsed.resets, overrides: parsed.overrides };
  }
}

/** Loads `files` in -f order, applies `extends` per file and merges them; undefined when any file has problems. */
export async function loadAndMerge(loader: FileLoader, files: string[]): Promise<Mapping | undefined> {
  const before = loader.problems.problems.length;
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const lf = await loader.load(file);
    if (lf) loaded.push(lf);
  }
  if (loader.problems.problems.length > before) return undefined;
  let merged: Mapping = {};
  for (const [i, lf] of loaded.entries()) {
    const value = await applyExtends(lf, (abs) => loader.loadForExtends(abs), (issue) => loader.report(issue, lf.file));
    merged = i === 0 ? value : (mergeTagged(merged, { value, resets: lf.resets, overrides: lf.overrides }) as Mapping);
  }
  return loader.problems.problems.length > before ? undefined : merged;
}
