import { describe, expect, it } from 'vitest';
import { nextCursor, parseChallenge } from './challenge';
import { digestOf, MediaType, parseManifest } from './manifest';

describe('parseChallenge', () => {
  it('reads a Bearer challenge whose scope holds commas', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push',
      },
    });
  });

  it('reads Basic, unquoted values, escaped quotes and an error parameter', () => {
    expect(parseChallenge('Basic realm="my \\"registry\\""')).toEqual({
      scheme: 'basic',
      params: { realm: 'my "registry"' },
    });
    expect(parseChallenge('bearer realm=https://t/x, error="insufficient_scope"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://t/x', error: 'insufficient_scope' },
    });
  });

  it('ignores other schemes and nothing', () => {
    expect(parseChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});

describe('nextCursor', () => {
  it('takes `last` from a next link, absolute or relative', () => {
    expect(nextCursor('</v2/_catalog?last=app%2Fb&n=2>; rel="next"')).toBe('app/b');
    expect(nextCursor('<https://r.example.com/v2/x/tags/list?n=100&last=v1.2>; rel=next')).toBe('v1.2');
    expect(nextCursor('</v2/_catalog?last=b>; rel="prev"')).toBeUndefined();
    expect(nextCursor(undefined)).toBeUndefined();
  });
});

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const digest = `sha256:${'a'.repeat(64)}`;

describe('parseManifest', () => {
  it('reads a Docker manifest list by its content type', () => {
    const body = json({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: MediaType.dockerManifest,
          digest,
          size: 528,
          platform: { os: 'linux', architecture: 's390x' },
        },
      ],
    });
    expect(parseManifest(body, `${MediaType.dockerList}; charset=utf-8`, digest)).toEqual({
      kind: 'index',
      digest,
      mediaType: MediaType.dockerList,
      manifests: [
        {
          digest,
          mediaType: MediaType.dockerManifest,
          size: 528,
          platform: { os: 'linux', architecture: 's390x' },
        },
      ],
    });
  });

  it('reads a Docker v2 image manifest and sums its layers', () => {
    const body = json({
      schemaVersion: 2,
      mediaType: MediaType.dockerManifest,
      config: { digest, size: 10 },
      layers: [
        { digest, size: 100, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
        { digest, size: 23, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
      ],
    });
    expect(parseManifest(body, undefined, digest)).toMatchObject({
      kind: 'image',
      configDigest: digest,
      size: 123,
    });
  });

  it('refuses schema 1, a manifest without layers, and non-JSON with clear messages', () => {
    expect(() =>
      parseManifest(
        json({ schemaVersion: 1, fsLayers: [] }),
        'application/vnd.docker.distribution.manifest.v1+prettyjws',
        digest,
      ),
    ).toThrow(/retired schema 1 manifest format/);
    expect(() =>
      parseManifest(json({ schemaVersion: 2, config: { digest } }), MediaType.ociManifest, digest),
    ).toThrow('The registry sent an unreadable manifest: it has no config or layers.');
    expect(() => parseManifest(Buffer.from('<html>'), 'text/html', digest)).toThrow(
      /^The registry sent an unreadable manifest: /,
    );
  });
});

describe('digestOf', () => {
  it('trusts a well-formed header and otherwise hashes the bytes', () => {
    expect(digestOf(Buffer.from('x'), digest)).toBe(digest);
    expect(digestOf(Buffer.from('x'), 'md5:nope')).toBe(
      'sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
    );
  });
});
