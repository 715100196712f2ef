import { createHash } from 'node:crypto';
import {
  ErrorCode,
  type RegistryImageConfig,
  type RegistryManifest,
  type RegistryPlatform,
} from '../../../contract';
import { BerthError } from '../../../base/errors';

export const MediaType = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** What Berth asks for: every current manifest kind, indexes first so a multi-platform tag shows its platforms. */
export const MANIFEST_ACCEPT = Object.values(MediaType).join(', ');

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function invalid(what: string, why: string): BerthError {
  return new BerthError(ErrorCode.UNAVAILABLE, `The registry sent an unreadable ${what}: ${why}.`);
}

export function parseJson(body: Buffer, what: string): Json {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Json;
  } catch (err) {
    throw invalid(what, err instanceof Error ? err.message : String(err));
  }
}

/** The digest the registry states, or the sha256 of the bytes it sent (which is what the digest is). */
export function digestOf(body: Buffer, header: string | string[] | undefined): string {
  const stated = Array.isArray(header) ? header[0] : header;
  return stated && /^sha256:[a-f0-9]{64}$/.test(stated)
    ? stated
    : `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

function platformOf(v: unknown): RegistryPlatform | undefined {
  const p = obj(v);
  const os = str(p.os);
  const architecture = str(p.architecture);
  if (!os || !architecture) return undefined;
  const variant = str(p.variant);
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** Reads an image manifest or an index, whichever media type (header or body) says it is. */
export function parseManifest(
  body: Buffer,
  contentType: string | undefined,
  digest: string,
): RegistryManifest {
  const json = parseJson(body, 'manifest');
  const mediaType = str(json.mediaType) ?? contentType?.split(';')[0]?.trim() ?? '';
  if (mediaType.startsWith('application/vnd.docker.distribution.manifest.v1') || json.schemaVersion === 1) {
    throw new BerthError(
      ErrorCode.UNAVAILABLE,
      'This image uses the retired schema 1 manifest format, which Berth does not read; push it again with a current Docker.',
    );
  }
  if (
    mediaType === MediaType.ociIndex ||
    mediaType === MediaType.dockerList ||
    Array.isArray(json.manifests)
  ) {
    if (!Array.isArray(json.manifests)) throw invalid('index', 'it lists no manifests');
    return {
      kind: 'index',
      digest,
      mediaType: mediaType || MediaType.ociIndex,
      manifests: json.manifests.map((m) => {
        const entry = obj(m);
        const platform = platformOf(entry.platform);
        return {
          digest: str(entry.digest) ?? '',
          mediaType: str(entry.mediaType) ?? '',
          size: num(entry.size),
          ...(platform ? { platform } : {}),
        };
      }),
    };
  }
  const config = obj(json.config);
  const configDigest = str(config.digest);
  if (!configDigest || !Array.isArray(json.layers)) throw invalid('manifest', 'it has no config or layers');
  const layers = json.layers.map((l) => {
    const layer = obj(l);
    return { digest: str(layer.digest) ?? '', mediaType: str(layer.mediaType) ?? '', size: num(layer.size) };
  });
  return {
    kind: 'image',
    digest,
    mediaType: mediaType || MediaType.ociManifest,
    configDigest,
    layers,
    size: layers.reduce((sum, l) => sum + l.size, 0),
  };
}

/** The config blob (OCI image config / Docker container config) reduced to what a person reads. */
export function parseImageConfig(body: Buffer): RegistryImageConfig {
  const json = parseJson(body, 'image configuration');
  const c = obj(json.config);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(c.Labels))) if (typeof v === 'string') labels[k] = v;
  const optional = (key: string, value: unknown) =>
    typeof value === 'string' && value ? { [key]: value } : {};
  return {
    ...optional('created', json.created),
    ...optional('os', json.os),
    ...optional('architecture', json.architecture),
    ...optional('variant', json.variant),
    ...optional('workingDir', c.WorkingDir),
    ...optional('user', c.User),
    env: strings(c.Env),
    entrypoint: strings(c.Entrypoint),
    cmd: strings(c.Cmd),
    exposedPorts: Object.keys(obj(c.ExposedPorts)),
    volumes: Object.keys(obj(c.Volumes)),
    labels,
    history: (Array.isArray(json.history) ? json.history : []).map((h) => {
      const e = obj(h);
      return {
        ...optional('created', e.created),
        ...optional('createdBy', e.created_by),
        emptyLayer: e.empty_layer === true,
      };
    }),
  };
}
