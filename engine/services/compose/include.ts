import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { rebase } from './extends';
import { FileLoader, loadAndMerge } from './file-loader';
import { layerEnvFiles } from './files';
import { type Lookup } from './interpolate';
import { isMapping, type Mapping } from './merge';
import { ComposeIssue } from './problems';

export interface IncludeContext {
  /** The including project's folder: relative include paths and env files are resolved from it. */
  workingDir: string;
  /** The including project's interpolation environment; it wins over the included project's env files. */
  lookup: Lookup;
  /** Unset variables seen anywhere, for one warning each. */
  unset: Set<string>;
  /** The including project's loader: included files share its problem list and source index. */
  loader: FileLoader;
  /** The files being loaded, outermost first, to name include cycles. */
  chain: string[];
  /** The files of the including project (problems with its keys are located in them). */
  files: string[];
}

const RESOURCE_KINDS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;

interface IncludeEntry {
  paths: string[];
  projectDir: string;
  envFiles: string[];
}

function entries(raw: unknown[], workingDir: string): IncludeEntry[] {
  return raw.map((item) => {
    const spec: Mapping = isMapping(item) ? item : { path: item };
    const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => `${x as string}`) : [`${v as string}`]);
    const paths = list(spec.path).map((p) => path.resolve(workingDir, p));
    const dir = typeof spec.project_directory === 'string' ? path.resolve(workingDir, spec.project_directory) : path.dirname(paths[0] ?? workingDir);
    return { paths, projectDir: dir, envFiles: list(spec.env_file).map((f) => path.resolve(workingDir, f)) };
  });
}

/**
 * The top-level `include` of compose v2: each entry is loaded as a project of its own (its own folder for
 * relative paths, its own `.env` or env_file for interpolation, its own includes), then its services, networks,
 * volumes, secrets and configs are copied into this model. A name defined differently on both sides is an
 * error (compose never merges them); an identical definition is accepted.
 */
export async function applyIncludes(model: Mapping, ctx: IncludeContext): Promise<Mapping> {
  if (!Array.isArray(model.include)) return model;
  const { include: raw, ...out } = model;
  for (const [i, entry] of entries(raw as unknown[], ctx.workingDir).entries()) {
    const report = (message: string, keyPath: (string | number)[] = ['include', i]) => ctx.loader.report(new ComposeIssue(message, keyPath), ctx.files);
    const cycle = entry.paths.find((p) => ctx.chain.includes(p));
    if (cycle !== undefined) {
      report(`include cycle: ${[...ctx.chain, cycle].map((f) => ctx.loader.index.display(f)).join(' -> ')}`);
      continue;
    }
    let included: Mapping | undefined;
    try {
      const lookup = await layerEnvFiles(ctx.lookup, entry.envFiles, entry.projectDir, ctx.unset);
      const loader = new FileLoader(ctx.loader.index, { lookup, unset: ctx.unset }, ctx.loader.problems);
      const merged = await loadAndMerge(loader, entry.paths);
      if (merged) included = await applyIncludes(merged, { workingDir: entry.projectDir, lookup, unset: ctx.unset, loader, chain: [...ctx.chain, ...entry.paths], files: entry.paths });
    } catch (err) {
      if (!(err instanceof ComposeIssue)) throw err;
      report(err.message);
    }
    if (!included) continue;
    const from = entry.paths.map((p) => ctx.loader.index.display(p)).join(', ');
    for (const kind of RESOURCE_KINDS) {
      const theirs = rebaseKind(kind, included[kind], entry.projectDir);
      if (!theirs) continue;
      const ours: Mapping = isMapping(out[kind]) ? { ...out[kind] } : {};
      for (const [name, def] of Object.entries(theirs)) {
        if (Object.hasOwn(ours, name) && !isDeepStrictEqual(ours[name], def)) {
          report(`${kind}.${name} is defined here and, differently, in the included ${from}; compose does not merge them: rename one or remove it`, [kind, name]);
          continue;
        }
        ours[name] = def;
      }
      out[kind] = ours;
    }
  }
  return out;
}

/** Makes the relative paths of one included resource kind absolute from the included project's folder. */
function rebaseKind(kind: (typeof RESOURCE_KINDS)[number], value: unknown, dir: string): Mapping | undefined {
  if (!isMapping(value)) return undefined;
  const out: Mapping = {};
  for (const [name, def] of Object.entries(value)) {
    if (!isMapping(def)) out[name] = def;
    else if (kind === 'services') out[name] = rebase(def, dir);
    else if ((kind === 'secrets' || kind === 'configs') && typeof def.file === 'string') out[name] = { ...def, file: def.file.startsWith('~') ? def.file : path.resolve(dir, def.file) };
    else out[name] = def;
  }
  return out;
}
