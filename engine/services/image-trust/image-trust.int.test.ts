import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSignature, RegistryInfo } from '../../contract';
import { startTestRegistry, type TestRegistry } from '../../../e2e/harness/registry';
import { pushCosignSignature, pushImage } from '../../../e2e/harness/registry-content';
import { call, startBackend, type TestBackend } from '../testing/backend';

// Registry reads need no engine: the backend never connects one.
let registry: TestRegistry;
let secured: TestRegistry;
let t: TestBackend;
const login = { username: 'ci', password: 's3cret-pass' };

beforeAll(async () => {
  [registry, secured] = await Promise.all([startTestRegistry(), startTestRegistry({ auth: login })]);
  t = await startBackend('unix:///nonexistent/docker.sock', { connect: false });
});
afterAll(async () => {
  await t?.dispose();
  await Promise.all([registry?.stop(), secured?.stop()]);
});

describe('image signatures as the registry reports them (real registry)', () => {
  it('signed once a cosign .sig manifest is pushed for the digest; unsigned before, and for another digest', async () => {
    const saved = await call<RegistryInfo>(t.backend, 'registries.add', { name: 'Local', url: registry.url, insecure: true });
    const signedImage = await pushImage({ url: registry.url }, 'team/api', '1.0', ['linux/amd64']);
    const other = await pushImage({ url: registry.url }, 'team/api', '2.0', ['linux/amd64', 'linux/arm64']);
    const ask = (digest: string) => call<ImageSignature>(t.backend, 'imageTrust.signature', { id: saved.id, repository: 'team/api', digest });

    const before = await ask(signedImage.digest);
    expect(before).toMatchObject({ status: 'unsigned', scheme: 'cosign', tag: `${signedImage.digest.replace(':', '-')}.sig` });

    const tag = await pushCosignSignature({ url: registry.url }, 'team/api', signedImage.digest);
    expect(await registry.tags('team/api')).toContain(tag);
    const after = await ask(signedImage.digest);
    expect(after).toMatchObject({ status: 'signed', signatures: 1, tag });
    expect(after.why).toMatch(/verify it with the signer's key/);

    // The index of the other tag has no signature, and a signature is per digest.
    expect((await ask(other.digest)).status).toBe('unsigned');
  });

  it('unknown (never "unsigned") when the registry cannot be asked', async () => {
    // Saved without the password: the registry answers 401, which says nothing about signatures.
    const saved = await call<RegistryInfo>(t.backend, 'registries.add', { name: 'Locked', url: secured.url, insecure: true, username: login.username });
    const r = await call<ImageSignature>(t.backend, 'imageTrust.signature', {
      id: saved.id,
      repository: 'team/api',
      digest: `sha256:${'a'.repeat(64)}`,
    });
    expect(r.status).toBe('unknown');
    expect(r.why).toMatch(/could not ask the registry/);
  });
});
