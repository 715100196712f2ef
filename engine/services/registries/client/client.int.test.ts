import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../../../../e2e/harness/registry';
import { pushImage } from '../../../../e2e/harness/registry-content';
import { makeTestCertificates, type TestCertificates } from '../../../../e2e/harness/tls';
import { startTokenService, type TestTokenService } from '../../../../e2e/harness/token-service';
import type { RegistryIndexManifest, RegistryImageManifest } from '../../../contract';
import { RegistryClient } from './client';

const user = { username: 'berth', password: 'correct-horse' };
let open: TestRegistry;
let basic: TestRegistry;
let tls: TestRegistry;
let tokenRegistry: TestRegistry;
let certs: TestCertificates;
let issuer: TestTokenService;

beforeAll(async () => {
  certs = await makeTestCertificates();
  issuer = await startTokenService(certs, user);
  open = await startTestRegistry();
  basic = await startTestRegistry({ auth: user });
  tls = await startTestRegistry({ tls: certs });
  tokenRegistry = await startTestRegistry({ token: { ...issuer, caFile: certs.caFile } });
}, 60_000);
afterAll(async () => {
  await Promise.all([open?.stop(), basic?.stop(), tls?.stop(), tokenRegistry?.stop(), issuer?.stop()]);
  await certs?.remove();
});

const basicHeader = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

/** Pages through a listing to the end, counting the pages. */
async function all(next: (last?: string) => Promise<{ items: string[]; next?: string }>) {
  const items: string[] = [];
  let pages = 0;
  let last: string | undefined;
  do {
    const page = await next(last);
    items.push(...page.items);
    pages++;
    last = page.next;
  } while (last && pages < 50);
  return { items, pages };
}

describe('an open registry', () => {
  const client = () => new RegistryClient({ url: open.url });

  it('answers ping with its API version and no auth', async () => {
    expect(await client().ping()).toEqual({ apiVersion: 'registry/2.0', auth: 'none' });
  });

  it('pages through the catalog and the tags', async () => {
    for (const name of ['app/a', 'app/b', 'app/c', 'app/d', 'app/e'])
      await pushImage({ url: open.url }, name, '1', ['linux/amd64']);
    for (const tag of ['2', '3', '4', 'latest'])
      await pushImage({ url: open.url }, 'app/a', tag, ['linux/amd64']);
    const catalog = await all((last) => client().catalog({ n: 2, ...(last ? { last } : {}) }));
    expect(catalog.items).toEqual(['app/a', 'app/b', 'app/c', 'app/d', 'app/e']);
    expect(catalog.pages).toBe(3);
    const tags = await all((last) => client().tags('app/a', { n: 2, ...(last ? { last } : {}) }));
    // distribution 2.8 answers the whole tag list at once (tag pagination came in 3.0); the client follows a
    // Link cursor when there is one (unit-tested), so every tag arrives either way.
    expect(tags.items.sort()).toEqual(['1', '2', '3', '4', 'latest']);
  });

  it('reads a single-platform manifest and its config', async () => {
    const pushed = await pushImage({ url: open.url }, 'web/httpd', 'v1', ['linux/amd64']);
    const manifest = (await client().manifest('web/httpd', 'v1')) as RegistryImageManifest;
    expect(manifest).toMatchObject({
      kind: 'image',
      digest: pushed.digest,
      configDigest: pushed.platforms[0]?.config,
    });
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.size).toBe(pushed.platforms[0]?.layerSize);
    const config = await client().imageConfig('web/httpd', manifest.configDigest);
    expect(config).toMatchObject({
      created: '2026-11-30T12:00:00Z',
      os: 'linux',
      architecture: 'amd64',
      entrypoint: ['/bin/httpd'],
      cmd: ['-f', '-p', '8080'],
      exposedPorts: ['8080/tcp'],
      workingDir: '/www',
      labels: { 'org.opencontainers.image.title': 'berth-test' },
    });
    expect(config.env).toContain('BERTH_PLATFORM=linux/amd64');
    expect(config.history).toEqual([
      { created: '2026-11-30T12:00:00Z', createdBy: 'COPY www /www', emptyLayer: false },
      { createdBy: 'CMD ["-f"]', emptyLayer: true },
    ]);
  });

  it('reads a multi-platform index with each platform, then each platform manifest', async () => {
    const pushed = await pushImage({ url: open.url }, 'multi/app', '1.0', [
      'linux/amd64',
      'linux/arm64/v8',
      'linux/arm/v7',
    ]);
    const index = (await client().manifest('multi/app', '1.0')) as RegistryIndexManifest;
    expect(index.kind).toBe('index');
    expect(index.digest).toBe(pushed.digest);
    expect(index.manifests.map((m) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    const arm = await client().manifest('multi/app', index.manifests[1]?.digest ?? '');
    expect(arm).toMatchObject({ kind: 'image', configDigest: pushed.platforms[1]?.config });
    expect((await client().imageConfig('multi/app', pushed.platforms[1]?.config ?? '')).variant).toBe('v8');
  });

  it('deletes a manifest by digest; the tag is gone afterwards', async () => {
    const pushed = await pushImage({ url: open.url }, 'old/thing', 'v1', ['linux/amd64']);
    await client().deleteManifest('old/thing', pushed.digest);
    await expect(client().manifest('old/thing', 'v1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Repository old/thing was not found on ${open.host}.`,
    });
  });

  it('refuses names that are not repository names or references before sending anything', async () => {
    await expect(client().tags('../../etc')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client().manifest('app/a', 'x/../../y')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client().deleteManifest('app/a', 'latest')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('a registry with Basic auth', () => {
  it('says it needs a sign-in without credentials, refuses a wrong password, works with the right one', async () => {
    await expect(new RegistryClient({ url: basic.url }).catalog()).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: `The registry ${basic.host} needs you to sign in to read the catalog.`,
    });
    await expect(
      new RegistryClient({ url: basic.url, credentials: { ...user, password: 'wrong' } }).ping(),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: `The registry ${basic.host} refused the user name or password.`,
    });
    await pushImage({ url: basic.url, authorization: basicHeader }, 'private/app', '1', ['linux/amd64']);
    const client = new RegistryClient({ url: basic.url, credentials: user });
    expect(await client.ping()).toMatchObject({ auth: 'basic' });
    expect((await client.catalog()).items).toEqual(['private/app']);
    expect((await client.tags('private/app')).items).toEqual(['1']);
  });
});

describe('a registry over TLS with its own CA', () => {
  it('works when the CA is given and says the certificate is not trusted when it is not', async () => {
    expect(await new RegistryClient({ url: tls.url, ca: certs.ca }).ping()).toMatchObject({
      apiVersion: 'registry/2.0',
    });
    const untrusted = await new RegistryClient({ url: tls.url }).ping().catch((err: unknown) => err);
    expect(untrusted).toMatchObject({ code: 'UNAVAILABLE' });
    expect((untrusted as Error).message).toMatch(
      new RegExp(`^The TLS certificate of ${tls.host} is not trusted \\(`),
    );
  });

  it('says a plain-HTTP registry does not answer HTTPS', async () => {
    await expect(new RegistryClient({ url: `https://${open.host}` }).ping()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: `${open.host} does not answer HTTPS; if it is a plain-HTTP registry, mark it as insecure (HTTP) in its settings.`,
    });
  });
});

describe('a registry with Bearer token auth (a real token issuer)', () => {
  it('fetches tokens with the scopes the registry asks for and reuses them', async () => {
    const push = await fetch(
      `${issuer.realm}?service=${issuer.service}&scope=repository:team/api:push,pull`,
      {
        headers: { authorization: basicHeader },
      },
    );
    const { token } = (await push.json()) as { token: string };
    await pushImage({ url: tokenRegistry.url, authorization: `Bearer ${token}` }, 'team/api', 'v2', [
      'linux/amd64',
      'linux/arm64',
    ]);

    issuer.requests.length = 0;
    const client = new RegistryClient({ url: tokenRegistry.url, credentials: user });
    expect((await client.tags('team/api')).items).toEqual(['v2']);
    const index = await client.manifest('team/api', 'v2');
    expect(index.kind).toBe('index');
    expect((await client.catalog()).items).toEqual(['team/api']);
    expect(issuer.requests).toEqual([
      { service: issuer.service, scopes: ['repository:team/api:pull'], account: 'berth', user: 'berth' },
      { service: issuer.service, scopes: ['registry:catalog:*'], account: 'berth', user: 'berth' },
    ]);
    expect(await client.ping()).toMatchObject({ auth: 'bearer' });
  });

  it('a wrong password is refused by the token service with a clear error', async () => {
    await expect(
      new RegistryClient({ url: tokenRegistry.url, credentials: { ...user, password: 'nope' } }).tags(
        'team/api',
      ),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: `The registry ${tokenRegistry.host} refused the user name or password.`,
    });
  });

  it('anonymous access gets a token without rights, and is told to sign in', async () => {
    await expect(new RegistryClient({ url: tokenRegistry.url }).tags('team/api')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: `The registry ${tokenRegistry.host} needs you to sign in to read repository team/api.`,
    });
  });
});

describe('a registry that goes away', () => {
  it('says nothing answers at its address', async () => {
    const gone = await startTestRegistry();
    const client = new RegistryClient({ url: gone.url });
    await client.ping();
    await gone.stop();
    await expect(client.catalog()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: `Nothing answers at ${gone.url}: check the address and that the catalog is running.`,
    });
  });
});
