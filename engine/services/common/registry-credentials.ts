import { ErrorCode, parseImageReference, registryOf } from '../../contract';
import { BerthError } from '../../base/errors';
import type { StoredRegistry } from '../../store/types';
import type { ServiceContext } from '../context';

/** Docker Hub's names in image references and in `docker login` (the engine wants the v1 index address). */
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const HUB_SERVER = 'https://index.docker.io/v1/';

export interface RegistryLogin {
  username: string;
  password: string;
}

/** The stored password of a registry, opened; a clear error when the key that sealed it is gone. */
export function openLogin(
  ctx: Pick<ServiceContext, 'secrets'>,
  r: StoredRegistry,
): RegistryLogin | undefined {
  if (!r.username || !r.secret) return undefined;
  try {
    return { username: r.username, password: ctx.secrets.open(r.secret) };
  } catch {
    throw new BerthError(
      ErrorCode.UNAUTHENTICATED,
      `The saved password for ${r.name} cannot be read any more (the key that protected it changed); enter it again in Registries.`,
    );
  }
}

const hostOfUrl = (url: string) => new URL(url).host;

/**
 * The engine's `X-Registry-Auth` for the registry an image lives on, from the logins saved in Berth: used by
 * pulls, pushes and deploys, so a private image works everywhere once its registry is signed in to.
 */
export function registryAuthFor(
  ctx: Pick<ServiceContext, 'secrets' | 'store'>,
  registryHost: string,
): { username: string; password: string; serveraddress: string } | undefined {
  const hub = HUB_HOSTS.has(registryHost);
  const stored = ctx.store.registries
    .list()
    .find((r) => (hub ? r.id === 'hub' : hostOfUrl(r.url) === registryHost));
  const login = stored ? openLogin(ctx, stored) : undefined;
  return login ? { ...login, serveraddress: hub ? HUB_SERVER : registryHost } : undefined;
}

/** The same, for an image reference ("registry.example.com:5000/team/api:1", "nginx"). */
export function registryAuthForImage(
  ctx: Pick<ServiceContext, 'secrets' | 'store'>,
  ref: string,
): { username: string; password: string; serveraddress: string } | undefined {
  const parsed = parseImageReference(ref);
  return parsed.ok ? registryAuthFor(ctx, registryOf(parsed.ref)) : undefined;
}
