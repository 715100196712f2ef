import { parseImageReference, type RegistryInfo } from '../../api/contract';

/** Where a push goes: the registry its name already points at, or a saved registry under a new name. */
export interface PushTarget {
  /** The local image: a name it has ("team/api:2") or its ID. */
  image: string;
  /** 'name' pushes `image` as it is named; else the id of a saved registry (or 'hub'). */
  registry: string;
  repository: string;
  tag: string;
}

export type PushPlan =
  | { ok: true; ref: string; tagAs?: { source: string; repo: string; tag: string } }
  | { ok: false; field: 'image' | 'repository' | 'tag'; message: string };

const TAG = /^[\w][\w.-]{0,127}$/;

/** The repository and tag a new name starts from: the image's own path (without its registry) and tag. */
export function suggestedName(image: string): { repository: string; tag: string } {
  const parsed = parseImageReference(image);
  if (!parsed.ok || image.startsWith('sha256:')) return { repository: '', tag: 'latest' };
  return { repository: parsed.ref.path.replace(/^library\//, ''), tag: parsed.ref.tag ?? 'latest' };
}

/** What to do for a push: the reference to push and, for a saved registry, the name to tag the image with first. */
export function planPush(target: PushTarget, registries: RegistryInfo[]): PushPlan {
  if (!target.image) return { ok: false, field: 'image', message: 'Choose an image to push.' };
  if (target.registry === 'name') {
    const parsed = parseImageReference(target.image);
    if (!parsed.ok || target.image.startsWith('sha256:'))
      return { ok: false, field: 'image', message: 'This image has no name to push by: choose a registry.' };
    return { ok: true, ref: target.image };
  }
  const registry = registries.find((r) => r.id === target.registry);
  if (!registry) return { ok: false, field: 'repository', message: 'That registry is not in your registries (any more).' };
  const repository = target.repository.trim();
  if (!repository) return { ok: false, field: 'repository', message: 'A repository is required, e.g. team/api.' };
  const tag = target.tag.trim() || 'latest';
  if (!TAG.test(tag))
    return { ok: false, field: 'tag', message: 'A tag may only contain letters, digits, "_", "." and "-" (up to 128).' };
  const repo = `${registry.host}/${repository}`;
  const parsed = parseImageReference(`${repo}:${tag}`);
  if (!parsed.ok) return { ok: false, field: 'repository', message: `Not a valid repository: ${parsed.reason}.` };
  const ref = `${repo}:${tag}`;
  return ref === target.image ? { ok: true, ref } : { ok: true, ref, tagAs: { source: target.image, repo, tag } };
}
