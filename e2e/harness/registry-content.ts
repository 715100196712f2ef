import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PushTarget {
  /** http(s)://host:port of the registry. */
  url: string;
  /** PEM of the CA to trust for an HTTPS registry. */
  ca?: string;
  /** A ready Authorization header value, for registries that need one. */
  authorization?: string;
}

export interface PushedImage {
  /** The digest the tag points at: the index for several platforms, else the image manifest. */
  digest: string;
  /** One entry per platform: its manifest and config digests. */
  platforms: { platform: string; manifest: string; config: string; layerSize: number }[];
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * Pushes an image made of real blobs and manifests through the registry's own upload API (test data for
 * manifest, index and config reading; no engine needed). Several platforms make an OCI index.
 */
export async function pushImage(
  target: PushTarget,
  repository: string,
  tag: string,
  platforms: string[],
): Promise<PushedImage> {
  const pushed: PushedImage['platforms'] = [];
  const entries: object[] = [];
  for (const platform of platforms) {
    const [os = 'linux', architecture = 'amd64', variant] = platform.split('/');
    const layer = randomBytes(1024 + pushed.length * 512);
    const config = Buffer.from(
      JSON.stringify({
        created: '2026-11-30T12:00:00Z',
        os,
        architecture,
        ...(variant ? { variant } : {}),
        config: {
          Env: ['PATH=/usr/bin:/bin', `BERTH_PLATFORM=${platform}`],
          Entrypoint: ['/bin/httpd'],
          Cmd: ['-f', '-p', '8080'],
          ExposedPorts: { '8080/tcp': {} },
          Labels: { 'org.opencontainers.image.title': 'berth-test' },
          WorkingDir: '/www',
        },
        rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
        history: [
          { created: '2026-11-30T12:00:00Z', created_by: 'COPY www /www' },
          { created_by: 'CMD ["-f"]', empty_layer: true },
        ],
      }),
    );
    await pushBlob(target, repository, layer);
    await pushBlob(target, repository, config);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
        layers: [{ mediaType: OCI_LAYER, digest: sha256(layer), size: layer.length }],
      }),
    );
    const ref = platforms.length > 1 ? sha256(manifest) : tag;
    await send(target, 'PUT', `/v2/${repository}/manifests/${ref}`, manifest, OCI_MANIFEST);
    pushed.push({ platform, manifest: sha256(manifest), config: sha256(config), layerSize: layer.length });
    entries.push({
      mediaType: OCI_MANIFEST,
      digest: sha256(manifest),
      size: manifest.length,
      platform: { os, architecture, ...(variant ? { variant } : {}) },
    });
  }
  if (platforms.length === 1) return { digest: pushed[0]?.manifest ?? '', platforms: pushed };
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }));
  await send(target, 'PUT', `/v2/${repository}/manifests/${tag}`, index, OCI_INDEX);
  return { digest: sha256(index), platforms: pushed };
}

/**
 * Stores a signature for `digest` the way cosign does: an OCI manifest tagged `sha256-<hex>.sig` in the same
 * repository whose layer is the "simple signing" payload naming the digest, with the signature as an annotation.
 * (The signature bytes are random: tests of "is there a signature" need its place and shape, not a key.)
 */
export async function pushCosignSignature(target: PushTarget, repository: string, digest: string): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify({
      critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' },
      optional: null,
    }),
  );
  const config = Buffer.from('{}');
  await pushBlob(target, repository, payload);
  await pushBlob(target, repository, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          digest: sha256(payload),
          size: payload.length,
          annotations: { 'dev.cosignproject.cosign/signature': randomBytes(64).toString('base64') },
        },
      ],
    }),
  );
  const tag = `${digest.replace(':', '-')}.sig`;
  await send(target, 'PUT', `/v2/${repository}/manifests/${tag}`, manifest, OCI_MANIFEST);
  return tag;
}

async function pushBlob(target: PushTarget, repository: string, data: Buffer): Promise<void> {
  const started = await send(target, 'POST', `/v2/${repository}/blobs/uploads/`);
  const location = new URL(started.location ?? '', target.url);
  location.searchParams.set('digest', sha256(data));
  await send(target, 'PUT', `${location.pathname}${location.search}`, data, 'application/octet-stream');
}

function send(
  target: PushTarget,
  method: string,
  path: string,
  body?: Buffer,
  type?: string,
): Promise<{ location?: string }> {
  const url = new URL(path, target.url);
  const headers: Record<string, string | number> = { 'content-length': body?.length ?? 0 };
  if (type) headers['content-type'] = type;
  if (target.authorization) headers.authorization = target.authorization;
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers, ...(target.ca ? { ca: target.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300)
            resolve(typeof res.headers.location === 'string' ? { location: res.headers.location } : {});
          else
            reject(new Error(`${method} ${path}: HTTP ${status} ${Buffer.concat(chunks).toString('utf8')}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
