import type { RegistryInfo } from '../../api/contract';

/** A repository the user opened: where it lives, its path there, and the name to pull it by. */
export interface RepoRef {
  source: string;
  repository: string;
  /** The reference without a tag, e.g. "nginx" or "127.0.0.1:5000/team/api". */
  name: string;
}

/** The display name of a search source ('hub' or a registry id). */
export const sourceName = (registries: RegistryInfo[] | undefined, source: string) => registries?.find((r) => r.id === source)?.name ?? source;

/** A catalog entry of a saved registry, as something to open and pull. */
export const repoOf = (registry: RegistryInfo, repository: string): RepoRef => ({
  source: registry.id,
  repository,
  name: registry.builtIn ? repository.replace(/^library\//, '') : `${registry.host}/${repository}`,
});
