import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import type {
  ContainerPrunePreview,
  ContainerPruneResult,
  ContainerRecreated,
  TransferTicket,
} from '../../contract';
import { call } from '../testing/backend';
import { useEngineBackend } from '../testing/use-engine-backend';
import { errorOf } from '../testing/transfer';

const env = useEngineBackend();

/** A shell as PID 1 ignores SIGTERM unless it traps it: this one stops at once instead of after 10 s. */
const QUICK_STOP = 'trap "exit 0" TERM; sleep 600 & wait';

const inspect = (id: string) => env.engine.docker.getContainer(id).inspect();
const names = async () =>
  (await env.engine.docker.listContainers({ all: true })).map((c) => c.Names[0]?.slice(1)).sort();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('containers.recreate (edit after create)', () => {
  it('keeps name, labels, mounts and data, applies the env change, and restarts it', async () => {
    const net = await env.engine.docker.createNetwork({ Name: 'recreate-net' });
    const c = await env.engine.docker.createContainer({
      name: 'editable',
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', `echo kept > /data/file; echo anon > /anon/file; ${QUICK_STOP}`],
      Env: ['MODE=old', 'KEEP=1'],
      Labels: { owner: 'berth', 'com.docker.compose.project': 'shop' },
      Volumes: { '/anon': {} },
      HostConfig: {
        Binds: ['editable-data:/data'],
        NetworkMode: 'recreate-net',
        RestartPolicy: { Name: 'always' },
      },
    });
    await c.start();
    const before = await inspect(c.id);
    const anonVolume = before.Mounts.find((m) => m.Destination === '/anon')?.Name;

    const result = await call<ContainerRecreated>(env.t.backend, 'containers.recreate', {
      id: 'editable',
      changes: { env: { MODE: 'new', KEEP: '1' }, memory: 64 * 1024 * 1024 },
    });
    expect(result).toMatchObject({ name: 'editable', changed: ['env', 'memory'], restarted: true });
    expect(result.id).not.toBe(c.id);
    const after = await inspect('editable');
    expect(after.Id).toBe(result.id);
    expect(after.State.Running).toBe(true);
    expect(after.Config.Env).toEqual(expect.arrayContaining(['MODE=new', 'KEEP=1']));
    expect(after.Config.Env).not.toContain('MODE=old');
    expect(after.Config.Labels).toMatchObject({ owner: 'berth', 'com.docker.compose.project': 'shop' });
    expect(after.HostConfig).toMatchObject({
      Memory: 64 * 1024 * 1024,
      RestartPolicy: { Name: 'always' },
      NetworkMode: 'recreate-net',
    });
    expect(Object.keys(after.NetworkSettings.Networks)).toEqual(['recreate-net']);
    expect(after.Mounts.find((m) => m.Destination === '/data')?.Name).toBe('editable-data');
    // The anonymous volume comes along with its data instead of a fresh empty one.
    expect(after.Mounts.find((m) => m.Destination === '/anon')?.Name).toBe(anonVolume);
    // The old container is gone; only one "editable" is left.
    expect((await names()).filter((n) => n?.startsWith('editable'))).toEqual(['editable']);
    await env.engine.docker.getContainer('editable').remove({ force: true });
    await net.remove();
  });

  it('rolls back when the new container cannot start (host port in use) and says why', async () => {
    const busy = await freePort();
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(busy, '0.0.0.0', r));
    try {
      const c = await env.engine.docker.createContainer({
        name: 'rollback',
        Image: TEST_IMAGE,
        Cmd: ['sh', '-c', QUICK_STOP],
        Env: ['A=1'],
        Labels: { keep: 'me' },
      });
      await c.start();
      const err = await errorOf(
        call(env.t.backend, 'containers.recreate', {
          id: 'rollback',
          changes: { env: { A: '2' }, ports: [{ hostPort: busy, containerPort: 80, protocol: 'tcp' }] },
        }),
      );
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toMatch(
        new RegExp(
          `^rollback was not changed: Host port ${busy} is already in use.*The container is back as it was\\.$`,
        ),
      );
      const back = await inspect('rollback');
      expect(back.Id).toBe(c.id);
      expect(back.State.Running).toBe(true);
      expect(back.Config.Env).toContain('A=1');
      expect((await names()).filter((n) => n?.startsWith('rollback'))).toEqual(['rollback']);
    } finally {
      await new Promise((r) => holder.close(r));
    }
  });

  it('keeps a stopped container stopped, and rejects bad changes', async () => {
    const c = await env.engine.docker.createContainer({
      name: 'stopped-edit',
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
    });
    const r = await call<ContainerRecreated>(env.t.backend, 'containers.recreate', {
      id: c.id,
      changes: { restartPolicy: { name: 'unless-stopped' } },
    });
    expect(r.restarted).toBe(false);
    const after = await inspect('stopped-edit');
    expect(after.State.Status).toBe('created');
    expect(after.HostConfig.RestartPolicy).toMatchObject({ Name: 'unless-stopped' });

    const bad = await errorOf(
      call(env.t.backend, 'containers.recreate', { id: 'stopped-edit', changes: { image: 'Not/Valid Ref' } }),
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
    const absent = await errorOf(
      call(env.t.backend, 'containers.recreate', { id: 'stopped-edit', changes: { image: 'berth-not-here:1' } }),
    );
    expect(absent.code).toBe('NOT_FOUND');
    expect(absent.message).toMatch(/not on this engine\. Pull it first/);
    const missing = await errorOf(call(env.t.backend, 'containers.recreate', { id: 'nope', changes: {} }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('containers.recreate: image, command and ports checked first (issue #13 item 10)', () => {
  it('moves a container to another image: its own command and env stay, the old image\'s defaults give way', async () => {
    const base = await env.engine.docker.createContainer({ name: 'next-src', Image: TEST_IMAGE, Cmd: ['true'] });
    await base.commit({ repo: 'berth-edit-next', tag: '1', changes: ['ENV NEXT=1', 'CMD ["sleep", "301"]'] });
    await base.remove();
    const c = await env.engine.docker.createContainer({
      name: 'swap',
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', QUICK_STOP],
      Env: ['MINE=1'],
    });
    await c.start();
    const r = await call<ContainerRecreated>(env.t.backend, 'containers.recreate', {
      id: 'swap',
      changes: { image: 'berth-edit-next:1' },
    });
    expect(r.changed).toEqual(['image']);
    const moved = await inspect('swap');
    expect(moved.Config.Image).toBe('berth-edit-next:1');
    expect(moved.Config.Cmd).toEqual(['sh', '-c', QUICK_STOP]);
    expect(moved.Config.Env).toEqual(expect.arrayContaining(['MINE=1', 'NEXT=1']));
    expect(moved.State.Running).toBe(true);

    // An empty command hands it back to the image's default.
    await call(env.t.backend, 'containers.recreate', { id: 'swap', changes: { command: [] } });
    const byDefault = await inspect('swap');
    expect(byDefault.Config.Cmd).toEqual(['sleep', '301']);
    expect(byDefault.State.Running).toBe(true);
    await env.engine.docker.getContainer('swap').remove({ force: true });
    await env.engine.docker.getImage('berth-edit-next:1').remove();
  });

  it('finds a host port another container publishes before stopping anything', async () => {
    const port = await freePort();
    const holder = await env.engine.docker.createContainer({
      name: 'port-holder',
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', QUICK_STOP],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] } },
    });
    await holder.start();
    const c = await env.engine.docker.createContainer({ name: 'port-edit', Image: TEST_IMAGE, Cmd: ['sh', '-c', QUICK_STOP] });
    await c.start();
    const startedAt = (await inspect(c.id)).State.StartedAt;
    const err = await errorOf(
      call(env.t.backend, 'containers.recreate', {
        id: 'port-edit',
        changes: { ports: [{ hostPort: port, containerPort: 8080, protocol: 'tcp' }] },
      }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'ports', hostPort: port, container: 'port-holder' } });
    expect(err.message).toMatch(new RegExp(`Host port ${port}/tcp is already published by container port-holder.*nothing was stopped`));
    const same = await inspect('port-edit');
    expect(same.Id).toBe(c.id);
    expect(same.State.StartedAt).toBe(startedAt);
    await c.remove({ force: true });
    await holder.remove({ force: true });
  });
});

describe('rename, commit, export', () => {
  it('renames, and names the conflict when the new name is taken', async () => {
    await env.engine.docker.createContainer({ name: 'old-name', Image: TEST_IMAGE, Cmd: ['true'] });
    await env.engine.docker.createContainer({ name: 'other', Image: TEST_IMAGE, Cmd: ['true'] });
    await call(env.t.backend, 'containers.rename', { id: 'old-name', name: 'new-name' });
    expect((await inspect('new-name')).Name).toBe('/new-name');
    const err = await errorOf(call(env.t.backend, 'containers.rename', { id: 'new-name', name: 'other' }));
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: 'The name "other" is already used by another container. Choose another name.',
    });
    expect((await errorOf(call(env.t.backend, 'containers.rename', { id: 'new-name', name: '-x' }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('commits the filesystem to an image that holds the change', async () => {
    const c = await env.engine.docker.createContainer({
      name: 'to-commit',
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'echo committed > /marker; sleep 600'],
    });
    await c.start();
    await waitFor(async () => (await c.inspect()).State.Running);
    await new Promise((r) => setTimeout(r, 300));
    const { imageId } = await call<{ imageId: string }>(env.t.backend, 'containers.commit', {
      id: 'to-commit',
      repo: 'berth-test/committed',
      tag: 'v1',
      message: 'from the test',
      author: 'Berth',
    });
    const image = await env.engine.docker.getImage('berth-test/committed:v1').inspect();
    expect(image.Id).toBe(imageId);
    expect(image).toMatchObject({ Comment: 'from the test', Author: 'Berth' });
    const check = await env.engine.docker.createContainer({
      Image: 'berth-test/committed:v1',
      Cmd: ['cat', '/marker'],
    });
    await check.start();
    await check.wait();
    const logs = (await check.logs({ stdout: true })).toString('utf8');
    expect(logs).toContain('committed');
    const bad = await errorOf(call(env.t.backend, 'containers.commit', { id: 'to-commit', repo: 'Bad Repo' }));
    expect(bad.code).toBe('INVALID_ARGUMENT');
  });

  it('exports the filesystem as a tar through a one-time download ticket', async () => {
    const c = await env.engine.docker.createContainer({ name: 'to-export', Image: TEST_IMAGE, Cmd: ['true'] });
    const ticket = await call<TransferTicket>(env.t.backend, 'containers.export', { id: c.id });
    expect(ticket).toMatchObject({ direction: 'download', filename: 'to-export.tar' });
    const transfer = env.t.backend.transfers.take(ticket.transferId, 'download');
    if (transfer.direction !== 'download') throw new Error('expected a download');
    const tar = await readAll(await transfer.open(new AbortController().signal));
    // ustar headers carry the entry names at offset 0 of each 512-byte header.
    expect(tar.includes(Buffer.from('bin/busybox'))).toBe(true);
    expect(tar.includes(Buffer.from('etc/passwd'))).toBe(true);
    expect(() => env.t.backend.transfers.take(ticket.transferId, 'download')).toThrow(
      /already used or has expired/,
    );
    expect((await errorOf(call(env.t.backend, 'containers.export', { id: 'missing' }))).code).toBe('NOT_FOUND');
  });
});

describe('prune', () => {
  it('previews the stopped containers with their sizes, then removes only the previewed ones', async () => {
    for (const c of await env.engine.docker.listContainers({ all: true }))
      await env.engine.docker.getContainer(c.Id).remove({ force: true });
    const big = await env.engine.docker.createContainer({
      name: 'prune-big',
      Image: TEST_IMAGE,
      Cmd: ['dd', 'if=/dev/zero', 'of=/blob', 'bs=1024', 'count=2048'],
    });
    await big.start();
    await big.wait();
    await env.engine.docker.createContainer({ name: 'prune-created', Image: TEST_IMAGE, Cmd: ['sleep', '600'] });
    const running = await env.engine.docker.createContainer({
      name: 'prune-running',
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
    });
    await running.start();

    const preview = await call<ContainerPrunePreview>(env.t.backend, 'containers.prunePreview');
    expect(preview.containers.map((c) => c.name)).toEqual(['prune-big', 'prune-created']);
    expect(preview.containers[0]?.sizeRw).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(preview.totalBytes).toBe(preview.containers.reduce((s, c) => s + c.sizeRw, 0));

    // Stopped after the preview: the user never saw it, so it stays.
    const late = await env.engine.docker.createContainer({
      name: 'prune-late',
      Image: TEST_IMAGE,
      Cmd: ['true'],
    });
    // Started after the preview: no longer stopped, so it stays too.
    const started = preview.containers.find((c) => c.name === 'prune-created');
    await env.engine.docker.getContainer(started?.id ?? '').start();

    const result = await call<ContainerPruneResult>(env.t.backend, 'containers.prune', {
      ids: preview.containers.map((c) => c.id),
    });
    expect(result.removed).toEqual([big.id]);
    expect(result.spaceReclaimed).toBe(preview.containers[0]?.sizeRw);
    expect(result.skipped).toEqual([
      { id: started?.id, name: started?.id.slice(0, 12), reason: 'It is running now, or already gone.' },
    ]);
    expect(await names()).toEqual(['prune-created', 'prune-late', 'prune-running']);

    await env.engine.docker.getContainer('prune-created').kill();
    await waitFor(async () => !(await inspect('prune-created')).State.Running);
    const all = await call<ContainerPruneResult>(env.t.backend, 'containers.prune', {});
    expect(all.removed.sort()).toEqual([late.id, started?.id].sort());
    expect(await names()).toEqual(['prune-running']);
    expect((await errorOf(call(env.t.backend, 'containers.prune', { ids: ['bad id'] }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
