import { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { ContainerDetails, ContainerProcesses, FileListing, TransferTicket } from '../../../contract';
import { call } from '../../testing/backend';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { TarParser } from '../../common/tar';
import { errorOf } from '../../testing/transfer';

const env = useEngineBackend();

const run = async (name: string, extra: Dockerode.ContainerCreateOptions = {}) => {
  const c = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '1000'], name, ...extra });
  await c.start();
  return c;
};
const download = async (ticket: TransferTicket): Promise<Buffer> => {
  const source = env.t.backend.transfers.take(ticket.transferId, 'download');
  if (source.direction !== 'download') throw new Error('not a download');
  const chunks: Buffer[] = [];
  for await (const c of await source.open(new AbortController().signal)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const upload = async (ticket: TransferTicket, body: Buffer): Promise<unknown> => {
  const sink = env.t.backend.transfers.take(ticket.transferId, 'upload');
  if (sink.direction !== 'upload') throw new Error('not an upload');
  return sink.accept(Readable.from([body]), new AbortController().signal);
};

describe('container details against a real engine', () => {
  it('inspect gives the overview: state, command, env, ports, mounts, networks, labels', async () => {
    const c = await run('overview', {
      Env: ['GREETING=hello=world', 'EMPTY='],
      Labels: { team: 'berth' },
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      WorkingDir: '/tmp',
      HostConfig: {
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '0' }] },
        Binds: ['/tmp:/host-tmp:ro'],
        Memory: 64 * 1024 * 1024,
        NanoCpus: 500_000_000,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      },
    });
    const d = await call<ContainerDetails>(env.t.backend, 'containers.inspect', { id: 'overview' });
    expect(d).toMatchObject({
      id: c.id,
      name: 'overview',
      image: TEST_IMAGE,
      state: 'running',
      health: 'none',
      command: ['sleep', '1000'],
      workingDir: '/tmp',
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      resources: { cpus: 0.5, memory: 64 * 1024 * 1024 },
      labels: { team: 'berth' },
    });
    expect(d.env).toContainEqual({ key: 'GREETING', value: 'hello=world' });
    expect(d.env).toContainEqual({ key: 'EMPTY', value: '' });
    expect(d.ports).toContainEqual({ ip: '127.0.0.1', privatePort: 8080, publicPort: expect.any(Number) as number, protocol: 'tcp' });
    expect(d.ports).toContainEqual({ privatePort: 53, protocol: 'udp' });
    expect(d.mounts).toEqual([expect.objectContaining({ type: 'bind', source: '/tmp', destination: '/host-tmp', readOnly: true })]);
    expect(d.networks[0]).toMatchObject({ name: 'bridge', ipAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+\/\d+$/) as string });
    expect((d.raw as { Id: string }).Id).toBe(c.id);
    expect(d.startedAt).toMatch(/^\d{4}-/);
    expect(d.finishedAt).toBeUndefined();

    const missing = await errorOf(call(env.t.backend, 'containers.inspect', { id: 'no-such-container' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-container') as string });
  });

  it('top lists the container process; a stopped container says to start it', async () => {
    await run('busy', { Cmd: ['sleep', '4242'] });
    const top = await call<ContainerProcesses>(env.t.backend, 'containers.top', { id: 'busy' });
    expect(top.titles).toContain('PID');
    const cmd = top.titles.indexOf('CMD');
    expect(top.processes.map((p) => p[cmd])).toContain('sleep 4242');

    const stopped = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['true'], name: 'never-started' });
    const err = await errorOf(call(env.t.backend, 'containers.top', { id: stopped.id }));
    expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not running.*Start it/) as string });
  });

  it('lists folders through the archive API, also in a stopped container', async () => {
    const c = await run('files', { Cmd: ['sh', '-c', 'mkdir -p /data/sub && echo hello > /data.txt && ln -s /data.txt /data/link && sleep 1000'] });
    await waitForFile(c, '/data.txt');
    const root = await call<FileListing>(env.t.backend, 'containers.files.list', { id: 'files', path: '/' });
    expect(root.path).toBe('/');
    expect(root.type).toBe('dir');
    const names = root.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['bin', 'etc', 'data', 'data.txt']));
    expect(root.entries.find((e) => e.name === 'data.txt')).toMatchObject({ type: 'file', size: 6, mode: '-rw-r--r--' });
    expect(root.entries.find((e) => e.name === 'bin')).toMatchObject({ type: 'dir' });

    await c.stop({ t: 0 });
    const data = await call<FileListing>(env.t.backend, 'containers.files.list', { id: 'files', path: '/data/../data/' });
    expect(data.path).toBe('/data');
    expect(data.entries.map((e) => [e.name, e.type])).toEqual([['sub', 'dir'], ['link', 'link']]);
    expect(data.entries[1]?.linkTarget).toBe('/data.txt');

    const bin = await call<FileListing>(env.t.backend, 'containers.files.list', { id: 'files', path: 'bin' });
    expect(bin.entries.find((e) => e.name === 'sh')).toMatchObject({ type: 'link', linkTarget: 'busybox' });

    const missing = await errorOf(call(env.t.backend, 'containers.files.list', { id: 'files', path: '/nope' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/nope does not exist') as string });
    const nul = await errorOf(call(env.t.backend, 'containers.files.list', { id: 'files', path: '/a\0b' }));
    expect(nul.code).toBe('INVALID_ARGUMENT');
  });

  it('downloads a file, a folder as tar, and uploads a file into a folder', async () => {
    const c = await run('transfer', { Cmd: ['sh', '-c', 'mkdir /box && echo hello > /box/a.txt && sleep 1000'] });
    await waitForFile(c, '/box/a.txt');
    const fileTicket = await call<TransferTicket>(env.t.backend, 'containers.files.download', { id: 'transfer', path: '/box/a.txt' });
    expect(fileTicket.filename).toBe('a.txt');
    expect((await download(fileTicket)).toString()).toBe('hello\n');

    const big = Buffer.alloc(300_000, 'x');
    const up = await call<TransferTicket>(env.t.backend, 'containers.files.upload', { id: 'transfer', dir: '/box', name: 'upload me.bin' });
    expect(await upload(up, big)).toEqual({ path: '/box/upload me.bin', size: big.length });
    const back = await call<TransferTicket>(env.t.backend, 'containers.files.download', { id: 'transfer', path: '/box/upload me.bin' });
    expect((await download(back)).equals(big)).toBe(true);

    const folder = await call<TransferTicket>(env.t.backend, 'containers.files.download', { id: 'transfer', path: '/box' });
    expect(folder.filename).toBe('box.tar');
    const names: string[] = [];
    const parser = new TarParser({ entry: (h) => (names.push(h.name), false) });
    parser.push(await download(folder));
    expect(names.sort()).toEqual(['box/', 'box/a.txt', 'box/upload me.bin']);

    const notDir = await errorOf(call(env.t.backend, 'containers.files.upload', { id: 'transfer', dir: '/box/a.txt', name: 'x' }));
    expect(notDir).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('not a folder') as string });
    const noDir = await errorOf(call(env.t.backend, 'containers.files.upload', { id: 'transfer', dir: '/missing', name: 'x' }));
    expect(noDir).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/missing does not exist') as string });
    const badName = await errorOf(call(env.t.backend, 'containers.files.upload', { id: 'transfer', dir: '/box', name: '../x' }));
    expect(badName.code).toBe('INVALID_ARGUMENT');
  });

  it('an upload into a read-only filesystem says so', async () => {
    await run('readonly', { HostConfig: { ReadonlyRootfs: true } });
    const ticket = await call<TransferTicket>(env.t.backend, 'containers.files.upload', { id: 'readonly', dir: '/tmp', name: 'x.txt' });
    const err = await upload(ticket, Buffer.from('nope')).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('read-only') as string });
  });
});

async function waitForFile(c: Dockerode.Container, path: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await c
      .infoArchive({ path })
      .then(() => true)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} did not appear`);
}

