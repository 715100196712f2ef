import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import type { BerthErrorData, ImageDetails, ImageHistoryEntry, ImagePrunePreview, ImageSummary, TaskInfo, TransferTicket, UploadTask } from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { errorOf, taskEnd } from '../testing/transfer';

const run = promisify(execFile);

let engine: TestEngine;
let t: TestBackend;
let testImageId: string;

beforeAll(async () => {
  engine = await startTestEngine();
  testImageId = await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
  await t.log.status('connected');
}, 60_000);
afterAll(async () => {
  await t?.dispose();
  await engine?.stop();
});

const cli = async (...args: string[]) => (await run('docker', ['-H', engine.endpoint, ...args])).stdout.trim();
const finished = (id: string) => taskEnd(t.log, id);
const patched = (match: (p: { upserts: ImageSummary[]; removed: string[] }) => boolean, from: number) =>
  t.log.waitFor('images.changed', (p) => p.kind === 'patch' && match(p), { from });

/** Sends `body` to an upload ticket the way the web host does, and returns what the upload answered. */
const upload = (ticket: TransferTicket, body: Buffer) =>
  (t.backend.transfers.take(ticket.transferId, 'upload') as { accept(b: Readable, s: AbortSignal): Promise<unknown> }).accept(
    Readable.from([body]),
    new AbortController().signal,
  );

/** Starts a build with the given context files and waits for its end. */
async function buildUpload(params: { tag: string; buildArgs?: Record<string, string> }, files: Record<string, string>): Promise<TaskInfo> {
  const context = await tarOf(files);
  const { taskId, ticket } = await call<UploadTask>(t.backend, 'images.buildUpload', { ...params, size: context.length });
  await upload(ticket, context).catch(() => undefined); // a refused context fails the task, checked by the caller
  return finished(taskId);
}

/** A tar of the given files (name → content), made by the system tar. */
async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-ctx-'));
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    for await (const c of tar.stdout) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('images service against a real engine', () => {
  it('lists what `docker images` lists, with the containers that use each image', async () => {
    await cli('create', '--name', 'user-of-busybox', TEST_IMAGE, 'true');
    const list = await call<ImageSummary[]>(t.backend, 'images.list');
    const ids = (await cli('images', '-q', '--no-trunc')).split('\n').filter(Boolean);
    expect(new Set(list.map((i) => i.id))).toEqual(new Set(ids));
    const busybox = list.find((i) => i.id === testImageId);
    expect(busybox).toMatchObject({ repoTags: [TEST_IMAGE], dangling: false, containers: ['user-of-busybox'] });
    expect(busybox?.size).toBeGreaterThan(500_000);
    await cli('rm', 'user-of-busybox');
  });

  it('patches the list live on tag, untag and container create/destroy', async () => {
    let from = Date.now();
    await cli('tag', TEST_IMAGE, 'live/tagged:1');
    await patched((p) => p.upserts.some((u) => u.id === testImageId && u.repoTags.includes('live/tagged:1')), from);
    from = Date.now();
    await cli('rmi', 'live/tagged:1');
    await patched((p) => p.upserts.some((u) => u.id === testImageId && !u.repoTags.includes('live/tagged:1')), from);
    from = Date.now();
    await cli('create', '--name', 'usage-probe', TEST_IMAGE, 'true');
    await patched((p) => p.upserts.some((u) => u.id === testImageId && u.containers.includes('usage-probe')), from);
    from = Date.now();
    await cli('rm', 'usage-probe');
    await patched((p) => p.upserts.some((u) => u.id === testImageId && !u.containers.includes('usage-probe')), from);
  });

  it('tags through the API and removes a name (untag) without deleting the image', async () => {
    await call(t.backend, 'images.tag', { source: TEST_IMAGE, repo: 'mine/app', tag: 'v2' });
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', 'mine/app:v2')).toBe(testImageId);
    expect(await call<string[]>(t.backend, 'images.remove', { id: 'mine/app:v2' })).toEqual(['mine/app:v2']);
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE)).toBe(testImageId);
    const err = await errorOf(call(t.backend, 'images.tag', { source: TEST_IMAGE, repo: 'mine/app:v3', tag: 'x' }));
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await errorOf(call(t.backend, 'images.tag', { source: 'no/such:image', repo: 'x/y', tag: 'z' }))).code).toBe('NOT_FOUND');
  });

  it('refuses to remove an image a container uses, naming the container; force removes it', async () => {
    const built = await buildUpload({ tag: 'doomed/app:1' }, { Dockerfile: `FROM ${TEST_IMAGE}\nLABEL purpose=doomed\n` });
    const imageId = (built.result as { imageId: string }).imageId;
    await cli('create', '--name', 'holder', imageId, 'true');
    const err = await errorOf(call(t.backend, 'images.remove', { id: imageId }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      'doomed/app:1 is used by container holder. Remove it first, or remove the image with force (the containers stay but lose their image name).',
    );
    expect(err.details).toMatchObject({ containers: ['holder'] });
    const removed = await call<string[]>(t.backend, 'images.remove', { id: imageId, force: true });
    expect(removed).toContain('doomed/app:1');
    await expect(cli('image', 'inspect', 'doomed/app:1')).rejects.toThrow();
    await cli('rm', 'holder');
  });

  it('previews and prunes dangling images, sparing tagged and used ones', async () => {
    const first = await buildUpload({ tag: 'prune/me:1' }, { Dockerfile: `FROM ${TEST_IMAGE}\nLABEL gen=1\n` });
    await buildUpload({ tag: 'prune/me:1' }, { Dockerfile: `FROM ${TEST_IMAGE}\nLABEL gen=2\n` }); // leaves gen 1 dangling
    const danglingId = (first.result as { imageId: string }).imageId;
    const preview = await call<ImagePrunePreview>(t.backend, 'images.prunePreview', { danglingOnly: true });
    expect(preview.images.map((i) => i.id)).toEqual([danglingId]);
    expect(preview.images[0]?.dangling).toBe(true);
    const pruned = await call<{ deleted: string[] }>(t.backend, 'images.prune', { danglingOnly: true });
    expect(pruned.deleted).toContain(danglingId);
    await expect(cli('image', 'inspect', danglingId)).rejects.toThrow();
    expect(await cli('image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE)).toBe(testImageId);
    const all = await call<ImagePrunePreview>(t.backend, 'images.prunePreview', { danglingOnly: false });
    expect(all.images.map((i) => i.repoTags[0])).toContain('prune/me:1');
  });

  it('builds from an uploaded context: steps, log, the image tagged; a failing step is named', async () => {
    const done = await buildUpload(
      { tag: 'built/app:1', buildArgs: { GREETING: 'hello' } },
      { Dockerfile: `FROM ${TEST_IMAGE}\nARG GREETING\nCOPY msg.txt /msg.txt\nRUN echo "$GREETING" > /greeting\n`, 'msg.txt': 'from the context\n' },
    );
    expect(done.state).toBe('succeeded');
    expect(done.steps?.map((s) => [s.label, s.state])).toEqual([
      ['Upload', 'done'],
      [`Step 1/4: FROM ${TEST_IMAGE}`, 'done'],
      ['Step 2/4: ARG GREETING', 'done'],
      ['Step 3/4: COPY msg.txt /msg.txt', 'done'],
      ['Step 4/4: RUN echo "$GREETING" > /greeting', 'done'],
    ]);
    const id = await cli('image', 'inspect', '-f', '{{.Id}}', 'built/app:1');
    expect(done.result).toEqual({ imageId: id });
    expect(await cli('run', '--rm', 'built/app:1', 'cat', '/msg.txt', '/greeting')).toBe('from the context\nhello');

    const failed = await buildUpload({ tag: 'built/broken:1' }, { Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo ok\nRUN exit 3\n` });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/^The build of built\/broken:1 failed at step 3\/3 \(RUN exit 3\): .*non-zero code: 3/);
    expect(failed.steps?.find((s) => s.label === 'Step 3/3: RUN exit 3')?.state).toBe('failed');

    const noDockerfile = await buildUpload({ tag: 'built/none:1' }, { 'readme.txt': 'no dockerfile here' });
    expect(noDockerfile.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(noDockerfile.error?.message).toMatch(/no Dockerfile/);
  });

  it('saves images to a tar and loads it back; imports a root filesystem tar', async () => {
    const ticket = await call<TransferTicket>(t.backend, 'images.save', { ids: [TEST_IMAGE] });
    expect(ticket).toMatchObject({ direction: 'download', filename: 'berth-test_busybox_latest.tar' });
    const source = t.backend.transfers.take(ticket.transferId, 'download') as { open(s: AbortSignal): Promise<Readable> };
    const chunks: Buffer[] = [];
    for await (const c of await source.open(new AbortController().signal)) chunks.push(c as Buffer);
    const archive = Buffer.concat(chunks);
    expect(archive.subarray(257, 262).toString()).toBe('ustar');

    await cli('tag', TEST_IMAGE, 'roundtrip/busybox:1');
    await cli('rmi', 'roundtrip/busybox:1');
    const load = await call<UploadTask>(t.backend, 'images.loadUpload', { size: archive.length });
    expect(await upload(load.ticket, archive)).toEqual({ taskId: load.taskId });
    const loaded = await finished(load.taskId);
    expect(loaded).toMatchObject({ state: 'succeeded', result: { images: [TEST_IMAGE] } });
    expect(loaded.steps?.[0]).toMatchObject({ id: 'upload', state: 'done', detail: expect.stringMatching(/^Uploaded [\d.]+ MB$/) as string });

    const bad = await call<UploadTask>(t.backend, 'images.loadUpload', {});
    await upload(bad.ticket, Buffer.from('this is not a tar')).catch(() => undefined);
    expect((await finished(bad.taskId)).state).toBe('failed');

    const rootfs = await tarOf({ 'hello.txt': 'imported\n' });
    const imp = await call<UploadTask>(t.backend, 'images.importUpload', { repo: 'imported/fs', tag: 'v1', size: rootfs.length });
    await upload(imp.ticket, rootfs);
    const imported = await finished(imp.taskId);
    expect(imported.state).toBe('succeeded');
    expect(imported.result).toEqual({ imageId: await cli('image', 'inspect', '-f', '{{.Id}}', 'imported/fs:v1') });
    const missing = await errorOf(
      (async () => {
        const t2 = await call<TransferTicket>(t.backend, 'images.save', { ids: ['no/such:image'] });
        await (t.backend.transfers.take(t2.transferId, 'download') as { open(s: AbortSignal): Promise<Readable> })
          .open(new AbortController().signal)
          .catch((e: { toData(): BerthErrorData }) => {
            throw Object.assign(new Error('x'), { data: e.toData() });
          });
      })(),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('cancels a build that waits for its upload', async () => {
    const { taskId } = await call<UploadTask>(t.backend, 'images.buildUpload', { tag: 'never/uploaded:1' });
    await call(t.backend, 'tasks.cancel', { id: taskId });
    expect((await finished(taskId)).state).toBe('cancelled');
  });

  it('inspects and shows the history of an image; unknown images are NOT_FOUND', async () => {
    const details = await call<ImageDetails>(t.backend, 'images.inspect', { id: TEST_IMAGE });
    expect(details.summary).toMatchObject({ id: testImageId, repoTags: [TEST_IMAGE] });
    expect((details.raw as { Id: string }).Id).toBe(testImageId);
    const history = await call<ImageHistoryEntry[]>(t.backend, 'images.history', { id: testImageId });
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]?.size).toBeGreaterThan(0);
    const missing = await errorOf(call(t.backend, 'images.inspect', { id: 'sha256:0000000000000000000000000000000000000000000000000000000000000000' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect((await errorOf(call(t.backend, 'images.history', { id: 'no/such:thing' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(call(t.backend, 'images.inspect', { id: '../etc' }))).code).toBe('INVALID_ARGUMENT');
  });
});
