import type { TransferTicket } from './transfer';

/** One row of the images list. Built from the engine's image data, one shape for list and event patches. */
export interface ImageSummary {
  /** Full image ID, "sha256:…". */
  id: string;
  /** "repo:tag" names; empty for a dangling image. */
  repoTags: string[];
  /** "repo@sha256:…" names, present once the image was pulled from or pushed to a registry. */
  repoDigests: string[];
  /** Bytes on disk (shared layers counted in every image that has them, as `docker images` does). */
  size: number;
  /** Creation time, seconds since epoch. */
  created: number;
  /** Containers (any state) created from this image, by name. */
  containers: string[];
  /** No tag points at it any more (usually an older build or pull that was replaced). */
  dangling: boolean;
  labels: Record<string, string>;
}

/** One layer of an image's history (`docker history`). */
export interface ImageHistoryEntry {
  /** Layer image ID, or "<missing>" for layers built elsewhere. */
  id: string;
  /** Seconds since epoch. */
  created: number;
  /** The Dockerfile instruction that made the layer. */
  createdBy: string;
  size: number;
  tags: string[];
  comment: string;
}

export interface ImageDetails {
  summary: ImageSummary;
  /** The engine's inspect answer as it is (shown as JSON). */
  raw: unknown;
}

export interface ImagePrunePreview {
  images: ImageSummary[];
  /** Bytes freed when every listed image goes (layers shared with kept images stay). */
  reclaimableBytes: number;
}

export interface ImagePruneResult {
  deleted: string[];
  reclaimedBytes: number;
}

/** An upload that runs as a task: POST the bytes to the ticket; progress arrives on the task. */
export interface UploadTask {
  taskId: string;
  ticket: TransferTicket;
}

// ── Image references ─────────────────────────────────────────────────────────────────────────────────────────
// The grammar of github.com/distribution/reference, checked here so the UI and the backend give the same
// answer before anything reaches the engine.

export interface ImageReference {
  /** Registry host (with port) when the reference names one, e.g. "127.0.0.1:5000", "ghcr.io". */
  domain?: string;
  /** Repository path without the domain, e.g. "library/nginx" or "e2e/busybox". */
  path: string;
  tag?: string;
  digest?: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME = 255;

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; reason: string };

/** Parses "name[:tag][@digest]"; the reason says what is wrong in words a person can act on. */
export function parseImageReference(input: string): ParsedReference {
  const bad = (reason: string): ParsedReference => ({ ok: false, reason });
  const text = input.trim();
  if (!text) return bad('enter an image reference such as nginx:1.27 or registry.example.com/team/app:2');
  if (/\s/.test(text)) return bad('it must not contain spaces');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad(`"${digest}" is not a valid digest (expected sha256:<64 hex digits>)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return bad(
        tag
          ? `the tag "${tag}" may only contain letters, digits, "_", "." and "-" (up to 128, not starting with "." or "-")`
          : 'the tag after ":" is empty',
      );
    }
  }
  if (!rest) return bad('the repository name is missing');
  if (rest.length > MAX_NAME) return bad(`the repository name is longer than ${MAX_NAME} characters`);
  const parts = rest.split('/');
  let domain: string | undefined;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!DOMAIN.test(first)) return bad(`"${first}" is not a valid registry host`);
    domain = first;
    parts.shift();
  }
  for (const part of parts) {
    if (!part) return bad('the repository name has an empty part ("//" or a "/" at either end)');
    if (part !== part.toLowerCase()) return bad('repository names must be lowercase');
    if (!PATH_COMPONENT.test(part)) {
      return bad(`"${part}" may only contain lowercase letters, digits and single ".", "_" or "-" between them`);
    }
  }
  return {
    ok: true,
    ref: { ...(domain ? { domain } : {}), path: parts.join('/'), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) },
  };
}

/** The repository as the engine names it (domain included), without tag or digest. */
export const repositoryOf = (ref: ImageReference): string => (ref.domain ? `${ref.domain}/${ref.path}` : ref.path);

/** The registry a reference points at (Docker Hub when it names none). */
export const registryOf = (ref: ImageReference): string => ref.domain ?? 'docker.io';

/** The display name of an image: its first tag, else its first digest, else its short ID. */
export function imageDisplayName(image: Pick<ImageSummary, 'id' | 'repoTags' | 'repoDigests'>): string {
  return image.repoTags[0] ?? image.repoDigests[0]?.replace(/@.*/, '@<none>') ?? shortImageId(image.id);
}

export const shortImageId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
