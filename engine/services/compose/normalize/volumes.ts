import path from 'node:path';
import { type ServiceVolumeConfig } from '../model';
import { ComposeIssue } from '../problems';
import { isMapping } from '../merge';
import { looksLikeHostPath, resolveHostPath } from './paths';
import { withIndex } from './ports';

const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const CONSISTENCY = new Set(['cached', 'delegated', 'consistent', 'default']);

export interface PathContext {
  /** Folder relative host paths are resolved from. */
  base: string;
  home: string;
}

/** Splits `source:target:mode`, keeping a Windows drive letter (`C:\x`) inside its part. */
function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    const driveLetter = ch === ':' && cur.length === 1 && /[a-zA-Z]/.test(cur) && /[\\/]/.test(spec[i + 1] ?? '');
    if (ch === ':' && !driveLetter) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Short volume syntax → long form (`docker compose config` style): bind sources become absolute. */
export function parseVolumeSpec(spec: string, ctx: PathContext): ServiceVolumeConfig {
  const parts = splitVolumeSpec(spec);
  if (parts.length > 3 || parts.some((p) => p === '')) throw new ComposeIssue(`invalid volume "${spec}": expected [SOURCE:]TARGET[:MODE]`);
  if (parts.length === 1) return { type: 'volume', target: parts[0] ?? '', volume: {} };
  const [source = '', target = '', modes] = parts;
  const bind = looksLikeHostPath(source);
  const out: ServiceVolumeConfig = bind
    ? { type: 'bind', source: resolveHostPath(source, ctx.base, ctx.home), target, bind: { create_host_path: true } }
    : { type: 'volume', source, target, volume: {} };
  for (const mode of modes === undefined ? [] : modes.split(',')) {
    if (mode === 'ro') out.read_only = true;
    else if (mode === 'rw') out.read_only = undefined;
    else if (mode === 'z' || mode === 'Z') {
      if (!bind) throw new ComposeIssue(`invalid volume "${spec}": SELinux label "${mode}" only applies to bind mounts`);
      out.bind = { ...out.bind, selinux: mode };
    } else if (PROPAGATION.has(mode)) {
      if (!bind) throw new ComposeIssue(`invalid volume "${spec}": propagation "${mode}" only applies to bind mounts`);
      out.bind = { ...out.bind, propagation: mode };
    } else if (mode === 'nocopy') {
      if (bind) throw new ComposeIssue(`invalid volume "${spec}": "nocopy" only applies to named volumes`);
      out.volume = { ...out.volume, nocopy: true };
    } else if (CONSISTENCY.has(mode)) out.consistency = mode;
    else throw new ComposeIssue(`invalid volume "${spec}": unknown mode "${mode}"`);
  }
  if (out.read_only === undefined) delete out.read_only;
  return out;
}

function toBool(value: unknown): boolean {
  return value === true || value === 'true' || value === 'True' || value === '1';
}

/** Long volume syntax: resolve bind sources, turn interpolated strings into booleans/numbers. */
export function normaliseVolumeObject(raw: Record<string, unknown>, ctx: PathContext): ServiceVolumeConfig {
  const out = { ...raw } as unknown as ServiceVolumeConfig;
  if (typeof raw.target !== 'string' || raw.target === '') {
    if (raw.type !== 'npipe') throw new ComposeIssue(`volume of type "${String(raw.type)}" has no target`);
  }
  if (raw.read_only !== undefined) out.read_only = toBool(raw.read_only);
  if (raw.type === 'bind') {
    if (typeof raw.source !== 'string' || raw.source === '') throw new ComposeIssue('a bind mount needs a source');
    out.source = resolveHostPath(raw.source, ctx.base, ctx.home);
    if (isMapping(raw.bind) && raw.bind.create_host_path !== undefined) out.bind = { ...raw.bind, create_host_path: toBool(raw.bind.create_host_path) };
  }
  if (raw.type === 'volume' && isMapping(raw.volume) && raw.volume.nocopy !== undefined) out.volume = { ...raw.volume, nocopy: toBool(raw.volume.nocopy) };
  if (raw.type === 'tmpfs' && isMapping(raw.tmpfs) && typeof raw.tmpfs.size === 'string' && /^\d+$/.test(raw.tmpfs.size)) {
    out.tmpfs = { ...raw.tmpfs, size: Number(raw.tmpfs.size) };
  }
  return out;
}

/** Container paths compare as cleaned POSIX paths ("/data/" is "/data"), so merging by target is reliable. */
function cleanTarget(v: ServiceVolumeConfig): ServiceVolumeConfig {
  if (typeof v.target !== 'string' || !v.target.startsWith('/')) return v;
  const cleaned = path.posix.normalize(v.target).replace(/(.)\/+$/, '$1');
  return cleaned === v.target ? v : { ...v, target: cleaned };
}

/** Normalises a service's volumes; a later entry for the same target replaces an earlier one (merge rule). */
export function normaliseVolumes(value: unknown, ctx: PathContext): ServiceVolumeConfig[] {
  if (!Array.isArray(value)) return [];
  const out: ServiceVolumeConfig[] = [];
  for (const [i, item] of value.entries()) {
    const v = cleanTarget(withIndex(i, () => (isMapping(item) ? normaliseVolumeObject(item, ctx) : parseVolumeSpec(String(item), ctx))));
    const same = out.findIndex((o) => o.target === v.target && v.target !== undefined);
    if (same >= 0) out[same] = v;
    else out.push(v);
  }
  return out;
}
