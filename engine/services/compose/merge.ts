import { type KeyPath } from './problems';
import { setOwn } from './yaml-source';

/** A plain mapping from parsed YAML. */
export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Rule = 'replace' | 'keyValue' | 'extraHosts' | 'networks' | 'dependsOn' | 'build' | 'logging' | 'list';

/**
 * Compose's merge rules for attributes that are not plain "maps merge, sequences append, scalars replace"
 * (compose-go's override package). `*` matches one key.
 */
const RULES: [string, Rule][] = [
  ['services.*.command', 'replace'],
  ['services.*.entrypoint', 'replace'],
  ['services.*.healthcheck.test', 'replace'],
  ['services.*.ulimits.*', 'replace'],
  ['services.*.environment', 'keyValue'],
  ['services.*.labels', 'keyValue'],
  ['services.*.annotations', 'keyValue'],
  ['services.*.sysctls', 'keyValue'],
  ['services.*.build.args', 'keyValue'],
  ['services.*.build.labels', 'keyValue'],
  ['services.*.build.additional_contexts', 'keyValue'],
  ['services.*.deploy.labels', 'keyValue'],
  ['networks.*.labels', 'keyValue'],
  ['volumes.*.labels', 'keyValue'],
  ['services.*.extra_hosts', 'extraHosts'],
  ['services.*.build.extra_hosts', 'extraHosts'],
  ['services.*.networks', 'networks'],
  ['services.*.depends_on', 'dependsOn'],
  ['services.*.build', 'build'],
  ['services.*.logging', 'logging'],
  ['services.*.dns', 'list'],
  ['services.*.dns_search', 'list'],
  ['services.*.tmpfs', 'list'],
  ['services.*.env_file', 'list'],
];

function ruleFor(path: KeyPath): Rule | undefined {
  for (const [pattern, rule] of RULES) {
    const parts = pattern.split('.');
    if (parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i])) return rule;
  }
  return undefined;
}

/** `["A=1", "B"]` or `{A: 1}` → `{A: 1, B: null}`: compose's list-or-dict, keyed for merging. */
export function keyValueMap(value: unknown, separators = /=/): Mapping {
  if (isMapping(value)) return { ...value };
  const out: Mapping = {};
  if (!Array.isArray(value)) return out;
  for (const item of value) {
    const text = String(item);
    const m = separators.exec(text);
    if (m === null) setOwn(out, text, null);
    else setOwn(out, text.slice(0, m.index), text.slice(m.index + m[0].length));
  }
  return out;
}

/** extra_hosts: `host:ip` / `host=ip` list or `{host: ip|[ip]}` map → `{host: [ip...]}` (IPv6 keeps its colons). */
export function extraHostsMap(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (host: string, ips: unknown) => {
    const list = Array.isArray(ips) ? ips.map(String) : [String(ips)];
    setOwn(out, host, [...(out[host] ?? []), ...list.filter((ip) => !(out[host] ?? []).includes(ip))]);
  };
  if (isMapping(value)) for (const [host, ips] of Object.entries(value)) add(host, ips);
  else if (Array.isArray(value)) {
    for (const item of value) {
      const text = String(item);
      const sep = text.includes('=') ? text.indexOf('=') : text.indexOf(':');
      if (sep < 0) add(text, []);
      else add(text.slice(0, sep), text.slice(sep + 1));
    }
  }
  return out;
}

function listToMap(value: unknown, entry: () => unknown): Mapping {
  if (isMapping(value)) return value;
  const out: Mapping = {};
  if (Array.isArray(value)) for (const name of value) setOwn(out, String(name), entry());
  return out;
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** Merges `override` onto `base` at `path` with compose's rules; neither input is modified. */
export function mergeValue(base: unknown, override: unknown, path: KeyPath): unknown {
  if (override === undefined) return base;
  if (base === undefined) return override;
  switch (ruleFor(path)) {
    case 'replace':
      return override;
    case 'keyValue':
      return { ...keyValueMap(base), ...keyValueMap(override) };
    case 'extraHosts':
      return { ...extraHostsMap(base), ...extraHostsMap(override) };
    case 'networks':
      return mergeMappings(
        listToMap(base, () => null),
        listToMap(override, () => null),
        path,
      );
    case 'dependsOn': {
      const entry = () => ({ condition: 'service_started' });
      return mergeMappings(listToMap(base, entry), listToMap(override, entry), path);
    }
    case 'build': {
      const toBuild = (v: unknown) => (typeof v === 'string' ? { context: v } : v);
      return mergeMappings(toBuild(base), toBuild(override), path);
    }
    case 'logging':
      if (
        isMapping(base) &&
        isMapping(override) &&
        override.driver !== undefined &&
        base.driver !== undefined &&
        override.driver !== base.driver
      ) {
        return override;
      }
      return mergeMappings(base, override, path);
    case 'list':
      return [...asList(base), ...asList(override)];
    default:
      if (Array.isArray(base) && Array.isArray(override)) return [...(base as unknown[]), ...(override as unknown[])];
      return mergeMappings(base, override, path);
  }
}

function mergeMappings(base: unknown, override: unknown, path: KeyPath): unknown {
  if (!isMapping(base) || !isMapping(override)) return override;
  const out: Mapping = { ...base };
  for (const [key, value] of Object.entries(override))
    setOwn(out, key, mergeValue(base[key], value, [...path, key]));
  return out;
}

function getAt(root: unknown, path: KeyPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (isMapping(cur) && typeof seg === 'string') cur = cur[seg];
    else if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** Returns a copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
export function setAt(root: unknown, path: KeyPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (!isMapping(root) || typeof head !== 'string') return root;
  const out: Mapping = { ...root };
  const next = rest.length === 0 ? value : setAt(root[head], rest, value);
  if (next === undefined) delete out[head];
  else setOwn(out, head, next);
  return out;
}

export interface TaggedDocument {
  value: unknown;
  /** Key paths tagged `!reset` (removed from the base before merging). */
  resets: KeyPath[];
  /** Key paths tagged `!override` (replace the base instead of merging with it). */
  overrides: KeyPath[];
}

/** Merges one more compose document (the next -f file, or an extending service) onto `base`, at `prefix`. */
export function mergeTagged(base: unknown, next: TaggedDocument, prefix: KeyPath = []): unknown {
  let start = base;
  for (const path of next.resets) start = setAt(start, path.slice(prefix.length), undefined);
  let merged = mergeValue(start, next.value, prefix);
  for (const path of next.overrides)
    merged = setAt(merged, path.slice(prefix.length), getAt(next.value, path.slice(prefix.length)));
  return merged;
}
