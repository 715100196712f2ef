import path from 'node:path';
import { isMapping, mergeTagged, type Mapping } from './merge';
import { looksLikeHostPath } from './normalize/paths';
import { ComposeIssue, type KeyPath } from './problems';

/** One compose file after YAML parsing, interpolation and schema validation. */
export interface LoadedFile {
  /** Absolute path. */
  file: string;
  value: Mapping;
  resets: KeyPath[];
  overrides: KeyPath[];
}

export type FileLoader = (absolutePath: string) => Promise<LoadedFile>;

/**
 * Resolves `extends` for every service of `file` (compose applies it per file, before merging -f files).
 * A base from another file has its relative paths rebased on that file's folder, as compose does.
 * Problems are reported with the extending service's key path; cycles are named in full.
 */
export async function applyExtends(file: LoadedFile, loadOther: FileLoader, report: (issue: ComposeIssue) => void): Promise<Mapping> {
  const services = isMapping(file.value.services) ? file.value.services : {};
  const done = new Map<string, Mapping>();
  const out: Mapping = { ...file.value };
  const resolved: Mapping = {};
  for (const name of Object.keys(services)) {
    try {
      resolved[name] = await resolveService(file, name, [], done, loadOther);
    } catch (err) {
      if (!(err instanceof ComposeIssue)) throw err;
      report(new ComposeIssue(err.message, ['services', name, 'extends', ...err.path]));
      resolved[name] = services[name];
    }
  }
  if (file.value.services !== undefined) out.services = resolved;
  return out;
}

async function resolveService(file: LoadedFile, name: string, stack: string[], done: Map<string, Mapping>, loadOther: FileLoader): Promise<Mapping> {
  const key = `${file.file}#${name}`;
  const cached = done.get(key);
  if (cached) return cached;
  if (stack.includes(key)) {
    const chain = [...stack.slice(stack.indexOf(key)), key].map((k) => k.split('#')[1] ?? k);
    throw new ComposeIssue(`extends cycle: ${chain.join(' -> ')}`);
  }
  const services = isMapping(file.value.services) ? file.value.services : {};
  const raw = services[name];
  if (!isMapping(raw)) throw new ComposeIssue(`service "${name}" is not defined in ${file.file}`);
  if (raw.extends === undefined) return raw;
  const ext: Mapping = typeof raw.extends === 'string' ? { service: raw.extends } : (raw.extends as Mapping);
  const baseName = String(ext.service);
  const target = typeof ext.file === 'string' ? await loadOther(path.resolve(path.dirname(file.file), ext.file)) : file;
  let base = await resolveService(target, baseName, [...stack, key], done, loadOther);
  if (path.dirname(target.file) !== path.dirname(file.file)) base = rebase(base, path.dirname(target.file));
  const prefix: KeyPath = ['services', name];
  const under = (p: KeyPath) => p.length > prefix.length && p[0] === 'services' && p[1] === name;
  const { extends: _ext, ...own } = raw;
  const merged = mergeTagged(base, { value: own, resets: file.resets.filter(under), overrides: file.overrides.filter(under) }, prefix) as Mapping;
  const { extends: _baseExt, ...result } = merged;
  done.set(key, result);
  return result;
}

const absolute = (dir: string, p: string) => (p.startsWith('~') || path.isAbsolute(p) ? p : path.resolve(dir, p));

/** Makes a service's relative paths absolute from `dir` before it lands in a file with another folder. */
export function rebase(service: Mapping, dir: string): Mapping {
  const out: Mapping = { ...service };
  if (typeof out.build === 'string') out.build = absolute(dir, out.build);
  else if (isMapping(out.build) && typeof out.build.context === 'string' && !/^[a-z]+:\/\/|^git@/.test(out.build.context)) {
    out.build = { ...out.build, context: absolute(dir, out.build.context) };
  }
  if (out.env_file !== undefined) {
    const list = Array.isArray(out.env_file) ? out.env_file : [out.env_file];
    out.env_file = list.map((e) => (isMapping(e) ? { ...e, path: absolute(dir, String(e.path)) } : absolute(dir, String(e))));
  }
  if (Array.isArray(out.volumes)) {
    out.volumes = out.volumes.map((v) => {
      if (isMapping(v)) return v.type === 'bind' && typeof v.source === 'string' ? { ...v, source: absolute(dir, v.source) } : v;
      const text = String(v);
      const colon = text.indexOf(':');
      const source = colon < 0 ? '' : text.slice(0, colon);
      return source !== '' && looksLikeHostPath(source) ? `${absolute(dir, source)}${text.slice(colon)}` : text;
    });
  }
  return out;
}
