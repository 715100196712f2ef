import type { registriesMethods } from '../../contract/methods/registries';
import type { Domain, ServiceContext } from '../context';
import { RegistriesService } from './service';

/** The registries domain: saved registries and their logins, search, and browsing through the v2 API. */
export function registriesDomain(ctx: ServiceContext): Domain<typeof registriesMethods> {
  const registries = new RegistriesService(ctx);
  const repo = (id: string, repository: string) => registries.repository(id, repository);
  // Store-only operations are synchronous; a throw inside the executor still becomes a rejected promise.
  const now = <T>(run: () => T) => new Promise<T>((resolve) => resolve(run()));
  return {
    handlers: {
      'registries.list': () => now(() => registries.list()),
      'registries.add': (draft) => now(() => registries.add(draft)),
      'registries.update': (patch) => now(() => registries.update(patch)),
      'registries.remove': ({ id }) => now(() => registries.remove(id)),
      'registries.test': (input) => registries.test(input),
      'registries.importDockerConfig': () => registries.importDockerConfig(),
      'registries.search': ({ term, limit }) => registries.search(term, limit),
      'registries.catalog': ({ id, ...page }) => registries.client(id).catalog(page),
      'registries.tags': ({ id, repository, ...page }) =>
        registries.client(id).tags(repo(id, repository), page),
      'registries.hubTags': ({ repository, ...page }) => registries.hubTags(repository, page),
      'registries.manifest': ({ id, repository, reference }) =>
        registries.client(id).manifest(repo(id, repository), reference),
      'registries.imageConfig': ({ id, repository, digest }) =>
        registries.client(id).imageConfig(repo(id, repository), digest),
      'registries.deleteTag': async ({ id, repository, reference }) => {
        const client = registries.client(id);
        const { digest } = await client.manifest(repo(id, repository), reference);
        await client.deleteManifest(repo(id, repository), digest);
        return { digest };
      },
    },
  };
}
