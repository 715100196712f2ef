import path from 'node:path';

/** Resolves `~`, `~/x` with the injected HOME, then relative paths from `base`. */
export function resolveHostPath(p: string, base: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return path.resolve(base, p);
}

/** Build contexts may be remote (git, http, docker-image:// ...): those are kept as written. */
export function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(context) || context.startsWith('docker-image:');
}

/** compose's test for "the source of a short volume spec is a host path, not a volume name". */
export function looksLikeHostPath(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~') || /^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\\\');
}
