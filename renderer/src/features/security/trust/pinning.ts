import { parseImageReference, registryOf } from '../../../api/contract';

/**
 * How a container or service names its image: by `digest` (immutable: the same bytes every time), by an image
 * `id` (immutable on this engine), or by a `tag` that can move to other content ("latest" when none is given).
 */
export type Pinning =
  | { kind: 'digest'; digest: string }
  | { kind: 'id' }
  | { kind: 'tag'; tag: string; implicit: boolean }
  | { kind: 'unknown' };

export function pinningOf(reference: string, pinnedDigest?: string): Pinning {
  if (pinnedDigest) return { kind: 'digest', digest: pinnedDigest };
  const text = reference.trim();
  // The engine shows an image ID instead of a name once the name was re-tagged to other content.
  if (/^(sha256:)?[a-f0-9]{12,64}$/.test(text)) return { kind: 'id' };
  const parsed = parseImageReference(text);
  if (!parsed.ok) return { kind: 'unknown' };
  if (parsed.ref.digest) return { kind: 'digest', digest: parsed.ref.digest };
  return { kind: 'tag', tag: parsed.ref.tag ?? 'latest', implicit: parsed.ref.tag === undefined };
}

export function pinningText(p: Pinning): string {
  switch (p.kind) {
    case 'digest':
      return `pinned by digest ${p.digest.slice(0, 19)}…`;
    case 'id':
      return 'pinned to a local image ID';
    case 'tag':
      return p.implicit ? 'moving tag (latest, implied)' : `moving tag :${p.tag}`;
    default:
      return 'unrecognised reference';
  }
}

/**
 * A Docker Official Image: published by Docker on Docker Hub under `library/` (a bare name like "nginx"). That is a
 * fact of the name, so it needs no network; other publishers' verification is not visible through the engine.
 */
export function isOfficialImage(name: string): boolean {
  const parsed = parseImageReference(name);
  if (!parsed.ok) return false;
  const hub = ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registryOf(parsed.ref));
  return hub && (parsed.ref.path.startsWith('library/') || !parsed.ref.path.includes('/'));
}
