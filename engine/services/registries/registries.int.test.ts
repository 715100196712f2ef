import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import { startTestRegistry, type TestRegistry } from '../../../e2e/harness/registry';
import type {
  DockerConfigImport,
  RegistryInfo,
  RegistryManifest,
  RegistryPage,
  RegistrySearch,
  TaskRef,
} from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { errorOf, taskEnd } from '../testing/transfer';

const run = promisify(execFile);
const login = { username: 'berth', password: 'pa55-word' };
let engine: TestEngine;
let secured: TestRegistry;
let open: TestRegistry;
let t: TestBackend;
let configDir: string;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'berth-docker-config-'));
  // The backend reads the Docker CLI's logins from $DOCKER_CONFIG (never written).
  process.env.DOCKER_CONFIG = configDir;
  secured = await startTestRegistry({ auth: login });
  open = await startTestRegistry();
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
  await t.log.status('connected');
}, 60_000);
afterAll(async () => {
  delete process.env.DOCKER_CONFIG;
  await t?.dispose();
  await Promise.all([engine?.stop(), secured?.stop(), open?.stop()]);
  await rm(configDir, { recursive: true, force: true });
});

const cli = async (...args: string[]) =>
  (await run('docker', ['-H', engine.endpoint, ...args])).stdout.trim();

describe('saved registries', () => {
  let saved: RegistryInfo;

  it('lists Docker Hub built in, and refuses plain HTTP unless marked insecure', async () => {
    expect(await call<RegistryInfo[]>(t.backend, 'registries.list')).toEqual([
      {
        id: 'hub',
        name: 'Docker Hub',
        url: 'https://registry-1.docker.io',
        host: 'docker.io',
        insecure: false,
        hasCa: false,
        hasPassword: false,
        builtIn: true,
      },
    ]);
    const refused = await errorOf(
      call(t.backend, 'registries.add', { name: 'Team', url: secured.url, ...login }),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('plain HTTP') as string,
    });
  });

  it('tests a draft: a wrong password is refused before anything is saved', async () => {
    const wrong = await errorOf(
      call(t.backend, 'registries.test', {
        name: 'Team',
        url: secured.url,
        insecure: true,
        username: 'berth',
        password: 'nope',
      }),
    );
    expect(wrong).toEqual(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        message: `The registry ${secured.host} refused the user name or password.`,
      }),
    );
    expect(
      await call(t.backend, 'registries.test', { name: 'Team', url: secured.url, insecure: true, ...login }),
    ).toMatchObject({ auth: 'basic' });
  });

  it('saves a login sealed at rest; the password never comes back', async () => {
    saved = await call<RegistryInfo>(t.backend, 'registries.add', {
      name: 'Team',
      url: secured.url,
      insecure: true,
      ...login,
    });
    expect(saved).toMatchObject({
      name: 'Team',
      url: secured.url,
      host: secured.host,
      insecure: true,
      username: 'berth',
      hasPassword: true,
      builtIn: false,
    });
    expect(JSON.stringify(await call(t.backend, 'registries.list'))).not.toContain(login.password);
    const row = t.store.registries.get(saved.id);
    expect(row?.secret).toMatch(/^v1:/);
    expect(row?.secret).not.toContain(login.password);
    expect(
      await errorOf(call(t.backend, 'registries.add', { name: 'Again', url: secured.url, insecure: true })),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('pushes and pulls through the engine with the saved login (X-Registry-Auth)', async () => {
    const ref = `${secured.host}/private/app:1`;
    await cli('tag', TEST_IMAGE, ref);
    const push = await taskEnd(t.log, (await call<TaskRef>(t.backend, 'images.push', { ref })).taskId);
    expect(push).toMatchObject({ state: 'succeeded' });
    await cli('rmi', ref);
    const pull = await taskEnd(t.log, (await call<TaskRef>(t.backend, 'images.pull', { ref })).taskId);
    expect(pull).toMatchObject({ state: 'succeeded' });
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', ref)).toMatch(/^sha256:/);
  });

  it('browses the registry: catalog, tags, the manifest of a tag, then deletes it', async () => {
    expect(await call<RegistryPage<string>>(t.backend, 'registries.catalog', { id: saved.id })).toEqual({
      items: ['private/app'],
    });
    expect(
      await call<RegistryPage<string>>(t.backend, 'registries.tags', {
        id: saved.id,
        repository: 'private/app',
      }),
    ).toEqual({ items: ['1'] });
    const manifest = await call<RegistryManifest>(t.backend, 'registries.manifest', {
      id: saved.id,
      repository: 'private/app',
      reference: '1',
    });
    expect(manifest.kind).toBe('image');
    const config = await call<{ os?: string }>(t.backend, 'registries.imageConfig', {
      id: saved.id,
      repository: 'private/app',
      digest: manifest.kind === 'image' ? manifest.configDigest : '',
    });
    expect(config.os).toBe('linux');
    expect(
      await call(t.backend, 'registries.deleteTag', {
        id: saved.id,
        repository: 'private/app',
        reference: '1',
      }),
    ).toEqual({ digest: manifest.digest });
    expect(
      await errorOf(
        call(t.backend, 'registries.manifest', { id: saved.id, repository: 'private/app', reference: '1' }),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('forgets the password on request; the registry then asks to sign in', async () => {
    const updated = await call<RegistryInfo>(t.backend, 'registries.update', {
      id: saved.id,
      password: null,
    });
    expect(updated).toMatchObject({ username: 'berth', hasPassword: false });
    expect(await errorOf(call(t.backend, 'registries.catalog', { id: saved.id }))).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await call(t.backend, 'registries.remove', { id: saved.id });
    expect((await call<RegistryInfo[]>(t.backend, 'registries.list')).map((r) => r.id)).toEqual(['hub']);
  });
});

describe('importing the Docker CLI logins', () => {
  it('imports user/password logins, says why others were skipped, and never writes the file', async () => {
    const config = {
      auths: {
        [secured.host]: { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') },
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass').toString('base64') },
        'token.example.com': { identitytoken: 'abc' },
        'helped.example.com': {},
      },
      credHelpers: { 'helped.example.com': 'ecr-login' },
    };
    const text = JSON.stringify(config, null, 2);
    await writeFile(join(configDir, 'config.json'), text);
    const result = await call<DockerConfigImport>(t.backend, 'registries.importDockerConfig');
    expect(result.imported.map((r) => [r.host, r.username])).toEqual([
      [secured.host, 'berth'],
      ['docker.io', 'hubuser'],
    ]);
    expect(result.skipped).toEqual([
      {
        host: 'helped.example.com',
        reason: 'kept by the credential helper docker-credential-ecr-login; sign in to it in Berth instead',
      },
      { host: 'token.example.com', reason: 'signed in with an identity token, which Berth does not import' },
    ]);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(configDir, 'config.json'), 'utf8')).toBe(text);
    // The imported entry is https:// (the Docker CLI's default); this test registry speaks HTTP, so mark it.
    const imported = result.imported[0];
    await call(t.backend, 'registries.update', { id: imported?.id, url: secured.url, insecure: true });
    expect(await call(t.backend, 'registries.test', { id: imported?.id })).toMatchObject({ auth: 'basic' });
  });
});

describe('search', () => {
  it('finds repositories in saved registries and says Docker Hub is unreachable without hiding them', async () => {
    await cli('tag', TEST_IMAGE, `${open.host}/tools/webserver:1`);
    await cli('push', `${open.host}/tools/webserver:1`);
    await call(t.backend, 'registries.add', { name: 'Open', url: open.url, insecure: true });
    const found = await call<RegistrySearch>(t.backend, 'registries.search', { term: 'WEB' });
    expect(found.results).toContainEqual(
      expect.objectContaining({ name: `${open.host}/tools/webserver`, repository: 'tools/webserver' }),
    );
    // This machine has no internet: the engine cannot reach Docker Hub, and the search says so.
    const hub = found.errors.find((e) => e.source === 'hub');
    expect(hub?.message).toMatch(/^Docker Hub cannot be reached from the engine/);
  });
});
