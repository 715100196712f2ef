import path from 'node:path';
import { invalid, isRecord } from './yaml';

/**
 * Path traversal in template files: a template is deployed from its own folder, so a relative path in it
 * (build context, env_file, bind mount, secret/config file, extends, include) must stay inside that folder.
 * Absolute host paths stay allowed (many shared templates bind /var/run/docker.sock) and show in the preview.
 */
export function checkTemplatePaths(compose: Record<string, unknown>, what: string): void {
  const bad = escapingPaths(compose);
  if (bad.length > 0) {
    throw invalid(`${what} refers to files outside its folder (${bad.map((b) => `${b.where}: ${b.path}`).join('; ')}); a template may only use paths inside its own folder.`, { paths: bad });
  }
}

export interface EscapingPath {
  where: string;
  path: string;
}

export const escapingPaths = (compose: Record<string, unknown>): EscapingPath[] => pathsIn(compose).filter((p) => escapes(p.path));

/** Relative paths that stay inside the folder: files a template would need next to its compose.yaml. */
export const localPaths = (compose: Record<string, unknown>): EscapingPath[] =>
  pathsIn(compose).filter((p) => !escapes(p.path) && !isAbsoluteOrDynamic(p.path.replace(/\\/g, '/')));

/** Every file path a compose document names (build contexts, env files, binds, secret/config files, extends, include). */
function pathsIn(compose: Record<string, unknown>): EscapingPath[] {
  const found: EscapingPath[] = [];
  const check = (where: string, p: unknown) => {
    if (typeof p === 'string') found.push({ where, path: p });
  };
  const services = isRecord(compose.services) ? compose.services : {};
  for (const [name, svc] of Object.entries(services)) {
    if (!isRecord(svc)) continue;
    const at = `services.${name}`;
    check(`${at}.build`, isRecord(svc.build) ? svc.build.context : svc.build);
    for (const f of list(svc.env_file)) check(`${at}.env_file`, isRecord(f) ? f.path : f);
    for (const f of list(svc.label_file)) check(`${at}.label_file`, f);
    if (isRecord(svc.extends)) check(`${at}.extends.file`, svc.extends.file);
    for (const v of list(svc.volumes)) check(`${at}.volumes`, isRecord(v) ? (v.type === 'bind' ? v.source : undefined) : bindSource(v));
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const defs = isRecord(compose[kind]) ? compose[kind] : {};
    for (const [name, d] of Object.entries(defs)) if (isRecord(d)) check(`${kind}.${name}.file`, d.file);
  }
  for (const inc of list(compose.include)) {
    if (!isRecord(inc)) check('include', inc);
    else for (const key of ['path', 'project_directory', 'env_file'] as const) for (const p of list(inc[key])) check(`include.${key}`, p);
  }
  return found;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The host side of a short volume spec when it is a path (`./data:/data`), not a named volume. */
function bindSource(spec: unknown): string | undefined {
  if (typeof spec !== 'string') return undefined;
  const source = spec.split(':')[0] ?? '';
  return source.startsWith('.') ? source : undefined;
}

/** A relative path that normalises to above its folder. Interpolated paths are the deployer's own choice. */
export function escapes(p: string): boolean {
  const unix = p.replace(/\\/g, '/');
  if (isAbsoluteOrDynamic(unix)) return false;
  const n = path.posix.normalize(unix);
  return n === '..' || n.startsWith('../');
}

/** Absolute, home-relative, a URL (a remote build context) or interpolated: not a file of the template folder. */
const isAbsoluteOrDynamic = (unix: string): boolean =>
  unix.startsWith('/') || unix.startsWith('~') || /^[a-zA-Z]:\//.test(unix) || unix.includes('${') || /^[a-z]+:\/\//i.test(unix) || unix.startsWith('git@');
