import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';

/** Docker Hub's registry API, and the host image references use for it. */
export const HUB = {
  id: 'hub',
  name: 'Docker Hub',
  url: 'https://registry-1.docker.io',
  host: 'docker.io',
} as const;

/**
 * A registry address reduced to its origin. Plain HTTP only when the user said so: it sends the password
 * readable by anyone on the path. No path, query or user:password@ (credentials live in their own fields).
 */
export function normalizeRegistryUrl(raw: string, insecure: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `"${raw}" is not a registry address; write it as registry.example.com or https://registry.example.com:5000.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `A registry address starts with https:// (or http:// when insecure), not ${url.protocol}//.`,
    );
  }
  if (url.protocol === 'http:' && !insecure) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      'This address is plain HTTP, which sends your password unencrypted. Use https://, or mark the registry as insecure (HTTP) to allow it.',
    );
  }
  if (url.username || url.password) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      'Put the user name and password in their own fields, not in the address.',
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '/v2/' && url.pathname !== '/v2') || url.search || url.hash) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `A registry address is just the scheme, host and port (found "${url.pathname}${url.search}").`,
    );
  }
  return url.origin;
}

/** The host part image references use for a registry origin ("https://r.example.com:5000" → "r.example.com:5000"). */
export const hostOf = (origin: string): string => new URL(origin).host;

/** Docker Hub's official images live under library/ in its registry API. */
export const hubRepository = (name: string): string => (name.includes('/') ? name : `library/${name}`);
