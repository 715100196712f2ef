import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import { FILE_PREVIEW_BYTES, type FileListing, type FilePreview, type TransferTicket, type VolumeSummary } from '../../contract';
import { call } from '../testing/backend';
import { download, errorOf, upload } from '../testing/transfer';
import { useEngineBackend } from '../testing/use-engine-backend';
import { HELPER_LABEL } from './helper';

const env = useEngineBackend();

/** Runs a shell script in a container with `volume` at /data (or on a container's own filesystem). */
async function sh(script: string, volume?: string, name?: string): Promise<void> {
  const c = await env.engine.docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    ...(name ? { name } : {}),
    HostConfig: volume ? { Binds: [`${volume}:/data`] } : {},
  });
  await c.start();
  await c.wait();
  if (!name) await c.remove();
}
const read = async (volume: string, file: string): Promise<string> => {
  const c = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['cat', `/data/${file}`], HostConfig: { Binds: [`${volume}:/data`] } });
  await c.start();
  await c.wait();
  const out = (await c.logs({ stdout: true, follow: false })).subarray(8).toString('utf8');
  await c.remove();
  return out;
};
const helpersLeft = async () => (await env.engine.docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } })).length;
const preview = (name: string, path: string) => call<FilePreview>(env.t.backend, 'volumes.files.preview', { name, path });

describe('volume files: upload and preview against a real engine', () => {
  it('uploads files into a folder of the volume through a never-started helper, leaving no helper', async () => {
    await env.engine.docker.createVolume({ Name: 'uploads' });
    await sh('mkdir -p /data/sub && echo old > /data/sub/keep.txt', 'uploads');
    const ticket = await call<TransferTicket>(env.t.backend, 'volumes.files.upload', { name: 'uploads', dir: 'sub', fileName: 'new file.txt' });
    expect(await upload(env.t.backend, ticket, Buffer.from('uploaded through berth\n'))).toEqual({ path: 'sub/new file.txt', size: 23 });
    const root = await call<TransferTicket>(env.t.backend, 'volumes.files.upload', { name: 'uploads', fileName: 'top.bin' });
    await upload(env.t.backend, root, Buffer.alloc(70_000, 7));
    // What another container sees in the volume.
    expect(await read('uploads', 'sub/new file.txt')).toBe('uploaded through berth\n');
    const listing = await call<FileListing>(env.t.backend, 'volumes.files.list', { name: 'uploads', path: 'sub' });
    expect(listing.entries.map((e) => e.name).sort()).toEqual(['keep.txt', 'new file.txt']);
    const top = await call<FileListing>(env.t.backend, 'volumes.files.list', { name: 'uploads' });
    expect(top.entries.find((e) => e.name === 'top.bin')?.size).toBe(70_000);
    expect(await helpersLeft()).toBe(0);
  });

  it('refuses to upload into a file or a missing folder, naming it', async () => {
    const intoFile = await errorOf(call(env.t.backend, 'volumes.files.upload', { name: 'uploads', dir: 'sub/keep.txt', fileName: 'x' }));
    expect(intoFile.code).toBe('INVALID_ARGUMENT');
    expect(intoFile.message).toContain('is not a folder');
    const missing = await errorOf(call(env.t.backend, 'volumes.files.upload', { name: 'uploads', dir: 'nope', fileName: 'x' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('"nope"');
    const badName = await errorOf(call(env.t.backend, 'volumes.files.upload', { name: 'uploads', fileName: '../x' }));
    expect(badName.code).toBe('INVALID_ARGUMENT');
    expect(await helpersLeft()).toBe(0);
  });

  it('previews the start of a text file, says when a file is binary, and cuts long files at 256 KiB', async () => {
    await env.engine.docker.createVolume({ Name: 'previews' });
    await sh(
      'printf "hello\\nwörld\\n" > /data/a.txt; head -c 2000 /dev/urandom > /data/b.bin; ' +
        'i=0; while [ $i -lt 6000 ]; do echo "a line of about fifty characters for the preview"; i=$((i+1)); done > /data/long.txt',
      'previews',
    );
    expect(await preview('previews', 'a.txt')).toEqual({ path: 'a.txt', size: 13, binary: false, text: 'hello\nwörld\n', truncated: false });
    expect(await preview('previews', 'b.bin')).toMatchObject({ size: 2000, binary: true, text: '' });
    const long = await preview('previews', 'long.txt');
    expect(long).toMatchObject({ binary: false, truncated: true, size: 6000 * 49 });
    expect(long.text.length).toBe(FILE_PREVIEW_BYTES);
    expect((await errorOf(preview('previews', ''))).code).toBe('INVALID_ARGUMENT');
    expect(await helpersLeft()).toBe(0);
  });

  it('previews a file in a container', async () => {
    await sh('printf "server=on\\n" > /etc/app.conf', undefined, 'preview-box');
    expect(await call<FilePreview>(env.t.backend, 'containers.files.preview', { id: 'preview-box', path: '/etc/app.conf' })).toEqual({
      path: '/etc/app.conf',
      size: 10,
      binary: false,
      text: 'server=on\n',
      truncated: false,
    });
    const folder = await errorOf(call(env.t.backend, 'containers.files.preview', { id: 'preview-box', path: '/etc' }));
    expect(folder).toMatchObject({ code: 'INVALID_ARGUMENT', message: '/etc is a folder; open it to see its files.' });
    // A download of the same file still works as before the shared upload code.
    const t = await call<TransferTicket>(env.t.backend, 'containers.files.download', { id: 'preview-box', path: '/etc/app.conf' });
    expect((await download(env.t.backend, t)).toString()).toBe('server=on\n');
  });

  it('sizes follow writes: a container that stops using the volume, and an upload, push a fresh size (issue #13 item 14)', async () => {
    await env.engine.docker.createVolume({ Name: 'growing' });
    const sizeOf = async () => (await call<VolumeSummary[]>(env.t.backend, 'volumes.list')).find((v) => v.name === 'growing')?.size;
    expect(await sizeOf()).toBe(0);
    const from = Date.now();
    // 300 kB written by a container: its stop unmounts the volume, and Berth reads sizes again (within 10 s).
    await sh('head -c 300000 /dev/zero > /data/blob', 'growing');
    const grown = await env.t.log.waitFor(
      'volumes.changed',
      (p) => p.kind === 'patch' && p.upserts.some((v) => v.name === 'growing' && v.size === 300_000),
      { from, timeoutMs: 15_000 },
    );
    expect(grown.at - from).toBeLessThan(12_000);
    // An upload through Berth (and a request when the page is shown) reads again too.
    const t = await call<TransferTicket>(env.t.backend, 'volumes.files.upload', { name: 'growing', fileName: 'more' });
    await upload(env.t.backend, t, Buffer.alloc(100_000));
    await call(env.t.backend, 'volumes.refreshSizes');
    await env.t.log.waitFor('volumes.changed', (p) => p.kind === 'patch' && p.upserts.some((v) => v.name === 'growing' && v.size === 400_000), {
      from,
      timeoutMs: 15_000,
    });
  }, 40_000);
});
