import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import { startTestRegistry, type TestRegistry } from '../../../e2e/harness/registry';
import type { TaskInfo, TaskRef } from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { errorOf, taskEnd } from '../testing/transfer';

const run = promisify(execFile);

let engine: TestEngine;
let registry: TestRegistry;
let secured: TestRegistry;
let t: TestBackend;

beforeAll(async () => {
  // One at a time, each assigned as soon as it runs, so afterAll stops whatever started before a failure.
  registry = await startTestRegistry();
  secured = await startTestRegistry({ auth: { username: 'berth', password: 's3cret-pass' } });
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
  await t.log.status('connected');
}, 60_000);
afterAll(async () => {
  await t?.dispose();
  await Promise.all([engine?.stop(), registry?.stop(), secured?.stop()]);
});

const cli = async (...args: string[]) => (await run('docker', ['-H', engine.endpoint, ...args])).stdout.trim();
const finished = (id: string) => taskEnd(t.log, id);

/** Every state the task went through, in order (from the recorded patches). */
const historyOf = (id: string): TaskInfo[] =>
  t.log.events['tasks.changed'].flatMap((r) => (r.payload.kind === 'patch' ? r.payload.upserts.filter((u) => u.id === id) : []));

/** Builds an image with a new random layer of `bytes`, pushes it with the docker CLI, then removes it locally. */
async function seed(name: string, bytes = 3_000_000): Promise<string> {
  const ref = `${registry.host}/${name}`;
  const dockerfile = `FROM ${TEST_IMAGE}\nRUN head -c ${bytes} /dev/urandom > /blob\n`;
  await run('sh', ['-c', `printf '${dockerfile}' | docker -H ${engine.endpoint} build -q -t ${ref} -`]);
  await cli('push', ref);
  await cli('rmi', ref);
  return ref;
}

describe('pull and push through a real registry', () => {
  it('pulls with a step per layer, byte progress and the image in the list afterwards', async () => {
    // 40 MB: large enough that the pull outlasts several of the task manager's 100 ms progress publications,
    // so intermediate byte counts are observable even on a fast machine.
    const ref = await seed('e2e/busybox:1', 40_000_000);
    const { taskId } = await call<TaskRef>(t.backend, 'images.pull', { ref });
    const done = await finished(taskId);
    expect(done).toMatchObject({ state: 'succeeded', kind: 'images.pull', title: `Pull ${ref}`, progress: { fraction: 1, unit: 'bytes' } });
    expect(done.steps?.length).toBeGreaterThan(0);
    expect(done.steps?.every((s) => s.state === 'done')).toBe(true);
    const id = await cli('image', 'inspect', '-f', '{{.Id}}', ref);
    expect(done.result).toEqual({ imageId: id });
    // Progress went through real byte counts before it was done.
    const seen = historyOf(taskId).flatMap((i) => i.steps ?? []).map((s) => s.detail ?? '');
    expect(seen.some((d) => /^(Downloading|Extracting) [\d.]+ [kMG]?B \/ [\d.]+ [kMG]?B$/.test(d))).toBe(true);
    await t.log.waitFor('images.changed', (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === id && u.repoTags.includes(ref)));
  });

  it('runs several pulls at once', async () => {
    const [a, b] = await Promise.all([seed('multi/a:1'), seed('multi/b:1')]);
    const refs = await Promise.all([a, b].map((ref) => call<TaskRef>(t.backend, 'images.pull', { ref })));
    const results = await Promise.all(refs.map((r) => finished(r.taskId)));
    expect(results.map((r) => r.state)).toEqual(['succeeded', 'succeeded']);
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', a)).toMatch(/^sha256:/);
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', b)).toMatch(/^sha256:/);
  });

  it('says clearly when the tag is not in the registry', async () => {
    const ref = `${registry.host}/e2e/busybox:nope`;
    const { taskId } = await call<TaskRef>(t.backend, 'images.pull', { ref });
    const done = await finished(taskId);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'NOT_FOUND', message: `${ref} was not found in the registry ${registry.host}. Check the name and the tag.` });
  });

  it('rejects malformed references before anything reaches the engine', async () => {
    for (const ref of ['UPPER:case', 'a::b', 'nginx:', 'x/ /y']) {
      const err = await errorOf(call(t.backend, 'images.pull', { ref }));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.message).toContain(`"${ref}" is not a valid image reference`);
    }
    expect((await errorOf(call(t.backend, 'images.pull', { ref: 'UPPER:case' }))).message).toContain('must be lowercase');
  });

  it('names the registry when it cannot be reached', async () => {
    const ref = '127.0.0.1:9/nothing/here:1';
    const { taskId } = await call<TaskRef>(t.backend, 'images.pull', { ref });
    const done = await finished(taskId);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toMatch(/ENGINE_ERROR|TIMEOUT/);
    expect(done.error?.message).toContain('127.0.0.1:9');
  });

  it('reports unauthorized for a registry that needs a login', async () => {
    const ref = `${secured.host}/private/app:1`;
    await cli('tag', TEST_IMAGE, ref);
    const { taskId } = await call<TaskRef>(t.backend, 'images.push', { ref });
    const done = await finished(taskId);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(done.error?.message).toContain(secured.host);
    const pull = await finished((await call<TaskRef>(t.backend, 'images.pull', { ref: `${secured.host}/private/app:2` })).taskId);
    expect(pull.error?.code).toBe('UNAUTHENTICATED');
  });

  it('pushes with per-layer progress; the registry then holds the tag', async () => {
    const ref = `${registry.host}/pushed/busybox:7`;
    await call(t.backend, 'images.tag', { source: TEST_IMAGE, repo: `${registry.host}/pushed/busybox`, tag: '7' });
    const done = await finished((await call<TaskRef>(t.backend, 'images.push', { ref })).taskId);
    expect(done).toMatchObject({ state: 'succeeded', kind: 'images.push' });
    expect(done.steps?.length).toBeGreaterThan(0);
    expect(done.result).toMatchObject({ digest: expect.stringMatching(/^sha256:/) as string });
    expect(await registry.tags('pushed/busybox')).toEqual(['7']);
  });

  it('refuses to push an image the engine does not have', async () => {
    const done = await finished((await call<TaskRef>(t.backend, 'images.push', { ref: `${registry.host}/absent/x:1` })).taskId);
    expect(done.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels a pull: the task ends as cancelled and the engine stops', async () => {
    // A big layer makes the pull slow enough to cancel in flight.
    const ref = await seed('big/blob:1', 150_000_000);
    const { taskId } = await call<TaskRef>(t.backend, 'images.pull', { ref });
    await t.log.waitFor('tasks.changed', (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === taskId && (u.steps?.length ?? 0) > 0), { timeoutMs: 30_000 });
    await call(t.backend, 'tasks.cancel', { id: taskId });
    const done = await finished(taskId);
    expect(done.state).toBe('cancelled');
    await expect(cli('image', 'inspect', ref)).rejects.toThrow();
  }, 120_000);
});
