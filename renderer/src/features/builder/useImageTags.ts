import { useEffect, useState } from 'react';
import type { RegistryInfo } from '../../api/contract';
import { useBerth } from '../../stores/context';

export const TAGS_DELAY_MS = 500;

/** An image reference split into where it lives: `reg:5000/team/app:1` → host reg:5000, repository team/app, tag 1. */
export function splitImage(image: string): { host?: string; repository: string; tag?: string } {
  const [name = '', digest] = image.split('@');
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const host = first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
  const rest = host ? name.slice(slash + 1) : name;
  const colon = rest.lastIndexOf(':');
  const repository = colon < 0 ? rest : rest.slice(0, colon);
  return { host, repository, tag: digest ? undefined : colon < 0 ? undefined : rest.slice(colon + 1) };
}

/** The registry (saved, or Docker Hub) and repository path an image is pulled from. */
export function registryOf(image: string, registries: RegistryInfo[]): { id: string; repository: string } | undefined {
  const { host, repository } = splitImage(image);
  if (!repository) return undefined;
  if (!host || host === 'docker.io') return { id: 'hub', repository: repository.includes('/') ? repository : `library/${repository}` };
  const saved = registries.find((r) => r.host === host);
  return saved ? { id: saved.id, repository } : undefined;
}

/** The tags the image's registry lists (debounced); none when the registry is unknown or unreachable. */
export function useImageTags(image: string | undefined): { tags: string[]; error?: string } {
  const client = useBerth((s) => s.client);
  const [registries, setRegistries] = useState<RegistryInfo[]>([]);
  const [state, setState] = useState<{ key: string; tags: string[]; error?: string }>({ key: '', tags: [] });
  useEffect(() => {
    let current = true;
    void client.call('registries.list', {}).then((r) => current && r.ok && setRegistries(r.value));
    return () => {
      current = false;
    };
  }, [client]);
  const where = image ? registryOf(image, registries) : undefined;
  const key = where ? `${where.id}/${where.repository}` : '';
  useEffect(() => {
    if (!where) return;
    let current = true;
    const timer = setTimeout(() => {
      void client.call('registries.tags', { id: where.id, repository: where.repository, n: 100 }).then((r) => {
        if (current) setState(r.ok ? { key, tags: r.value.items } : { key, tags: [], error: r.error.message });
      });
    }, TAGS_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `where` is derived from key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return state.key === key && key ? state : { tags: [] };
}
