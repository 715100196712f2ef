import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import type {
  VolumeBackupFile,
  VolumeRestorePlan,
  FileListing,
  TaskRef,
  TransferTicket,
  VolumeBackupResult,
  VolumePrunePreview,
  VolumePruneResult,
  VolumeRestoreResult,
  VolumeSummary,
} from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { HELPER_LABEL } from './helper';
import { TarParser } from '../common/tar';
import { download, errorOf, taskEnd, upload } from '../testing/transfer';

const run = promisify(execFile);
let engine: TestEngine;
let t: TestBackend;
let dataDir: string;

const docker = async (...args: string[]) => (await run('docker', ['-H', engine.endpoint, ...args])).stdout.trim();
const sh = (volume: string, script: string) => docker('run', '--rm', '-v', `${volume}:/data`, TEST_IMAGE, 'sh', '-c', script);
const helpersLeft = async () => (await engine.docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } })).length;
const list = () => call<VolumeSummary[]>(t.backend, 'volumes.list');
const files = (name: string, path = '') => call<FileListing>(t.backend, 'volumes.files.list', { name, path });
const entriesOf = (tar: Buffer) => {
  const names: string[] = [];
  const parser = new TarParser({ entry: (e) => (names.push(e.name), false) });
  parser.push(tar);
  return names;
};

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  dataDir = await mkdtemp(join(tmpdir(), 'berth-volumes-'));
  t = await startBackend(engine.endpoint, { dataDir });
  await t.log.status('connected');
});
afterAll(async () => {
  await t?.dispose();
  await engine?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('volumes service against a real engine', () => {
  it('lists what `docker volume ls` lists, with size, users and compose project', async () => {
    await docker('volume', 'create', '--label', 'com.docker.compose.project=shop', 'shop_db');
    await sh('shop_db', 'head -c 5000 /dev/zero > /data/blob');
    await docker('run', '-d', '--name', 'db-1', '-v', 'shop_db:/var/lib/db', TEST_IMAGE, 'sleep', '600');
    const volumes = await list();
    const cli = (await docker('volume', 'ls', '-q')).split('\n').sort();
    expect(volumes.map((v) => v.name).sort()).toEqual(cli);
    expect(volumes.find((v) => v.name === 'shop_db')).toMatchObject({
      driver: 'local',
      scope: 'local',
      composeProject: 'shop',
      usedBy: ['db-1'],
      refCount: 1,
      anonymous: false,
      size: expect.any(Number) as number,
    });
    expect(volumes.find((v) => v.name === 'shop_db')?.size).toBeGreaterThanOrEqual(5000);
  });

  it('patches the list on create, mount and destroy done by others', async () => {
    const from = Date.now();
    await docker('volume', 'create', 'outside');
    await t.log.waitFor('volumes.changed', (p) => p.kind === 'patch' && p.upserts.some((v) => v.name === 'outside'), { from, timeoutMs: 3_000 });
    await docker('create', '--name', 'user-of-outside', '-v', 'outside:/x', TEST_IMAGE, 'true');
    await t.log.waitFor(
      'volumes.changed',
      (p) => p.kind === 'patch' && p.upserts.some((v) => v.name === 'outside' && v.usedBy.includes('user-of-outside')),
      { from, timeoutMs: 3_000 },
    );
    await docker('rm', 'user-of-outside');
    await t.log.waitFor(
      'volumes.changed',
      (p) => p.kind === 'patch' && p.upserts.some((v) => v.name === 'outside' && v.usedBy.length === 0),
      { from, timeoutMs: 3_000 },
    );
    await docker('volume', 'rm', 'outside');
    await t.log.waitFor('volumes.changed', (p) => p.kind === 'patch' && p.removed.includes('outside'), { from, timeoutMs: 3_000 });
  });

  it('creates with driver options and labels the docker CLI sees; refuses bad and taken names', async () => {
    const made = await call<VolumeSummary>(t.backend, 'volumes.create', {
      name: 'made-by-berth',
      driver: 'local',
      driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' },
      labels: { team: 'infra' },
    });
    expect(made).toMatchObject({ name: 'made-by-berth', labels: { team: 'infra' }, usedBy: [] });
    expect(await docker('volume', 'inspect', '-f', '{{.Labels.team}} {{.Options.type}}', 'made-by-berth')).toBe('infra tmpfs');
    expect(await errorOf(call(t.backend, 'volumes.create', { name: 'made-by-berth' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'A volume named "made-by-berth" already exists. Choose another name.',
    });
    const bad = await errorOf(call(t.backend, 'volumes.create', { name: 'no/slashes' }));
    expect(bad.code).toBe('INVALID_ARGUMENT');
    const anonymous = await call<VolumeSummary>(t.backend, 'volumes.create', {});
    expect(anonymous.name).toMatch(/^[0-9a-f]{64}$/);
    expect(anonymous.anonymous).toBe(true);
  });

  it('refuses to remove a volume in use, naming the containers', async () => {
    const err = await errorOf(call(t.backend, 'volumes.remove', { name: 'shop_db' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('Volume shop_db is in use by container db-1. Remove it first (stopping is not enough), then remove the volume.');
    expect(await errorOf(call(t.backend, 'volumes.remove', { name: 'never-was' }))).toMatchObject({ code: 'NOT_FOUND' });
    await call(t.backend, 'volumes.remove', { name: 'made-by-berth' });
    await expect(docker('volume', 'inspect', 'made-by-berth')).rejects.toThrow();
  });

  it('previews and prunes anonymous or all unused volumes, exactly as previewed', async () => {
    await docker('volume', 'create', 'keep-named');
    const anon = await docker('volume', 'create');
    const onlyAnon = await call<VolumePrunePreview>(t.backend, 'volumes.prunePreview', { scope: 'anonymous' });
    expect(onlyAnon.volumes.map((v) => v.name)).toContain(anon);
    expect(onlyAnon.volumes.map((v) => v.name)).not.toContain('keep-named');
    const all = await call<VolumePrunePreview>(t.backend, 'volumes.prunePreview', { scope: 'all' });
    expect(all.volumes.map((v) => v.name)).toEqual(expect.arrayContaining([anon, 'keep-named']));
    expect(all.volumes.map((v) => v.name)).not.toContain('shop_db');
    const pruned = await call<VolumePruneResult>(t.backend, 'volumes.prune', { scope: 'anonymous' });
    expect(pruned.removed.sort()).toEqual(onlyAnon.volumes.map((v) => v.name).sort());
    const left = await docker('volume', 'ls', '-q');
    expect(left).toContain('keep-named');
    expect(left).not.toContain(anon);
    await docker('volume', 'rm', 'keep-named');
  });

  it('browses folders and downloads files and folders without starting anything, leaving no helper', async () => {
    await docker('volume', 'create', 'docs');
    await sh('docs', 'mkdir -p /data/sub/deeper && echo precious > /data/note.txt && head -c 3000 /dev/zero > /data/sub/deeper/z && ln -s note.txt /data/link');
    const root = await files('docs');
    expect(root.entries.map((e) => [e.name, e.type])).toEqual([
      ['sub', 'dir'],
      ['link', 'link'],
      ['note.txt', 'file'],
    ]);
    expect(root.entries.find((e) => e.name === 'sub')?.size).toBe(3000);
    expect(root.entries.find((e) => e.name === 'link')?.linkTarget).toBe('note.txt');
    expect((await files('docs', '/sub/')).entries).toMatchObject([{ name: 'deeper', path: 'sub/deeper', type: 'dir' }]);

    const file = await call<TransferTicket>(t.backend, 'volumes.files.download', { name: 'docs', path: 'note.txt' });
    expect(file.filename).toBe('note.txt');
    expect((await download(t.backend, file)).toString()).toBe('precious\n');
    const folder = await call<TransferTicket>(t.backend, 'volumes.files.download', { name: 'docs', path: 'sub' });
    expect(folder.filename).toBe('docs-sub.tar.gz');
    expect(entriesOf(gunzipSync(await download(t.backend, folder)))).toEqual(['./', './deeper/', './deeper/z']);
    // Removed as the download stream closes, just after its last byte.
    await expect.poll(helpersLeft, { timeout: 5_000 }).toBe(0);
    expect(await docker('ps', '-aq', '--filter', 'status=running', '--filter', `label=${HELPER_LABEL}`)).toBe('');
  });

  it('refuses paths outside the volume and says what is missing', async () => {
    expect(await errorOf(files('docs', '../etc'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await errorOf(files('docs', 'sub/../../etc'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await errorOf(files('docs', 'nope'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no "nope" in volume docs; it may have been deleted. Go up a level and refresh.',
    });
    expect(await errorOf(files('docs', 'note.txt'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await errorOf(files('no-such-volume'))).toMatchObject({ code: 'NOT_FOUND' });
    // Browsing never creates the volume it was asked about.
    await expect(docker('volume', 'inspect', 'no-such-volume')).rejects.toThrow();
    expect(await helpersLeft()).toBe(0);
  });

  it('backs up to a .tar.gz and restores it into a new volume, byte for byte', async () => {
    const { taskId } = await call<TaskRef>(t.backend, 'volumes.backup', { name: 'docs' });
    const done = await taskEnd(t.log, taskId);
    expect(done.state).toBe('succeeded');
    expect(done.progress).toMatchObject({ unit: 'bytes', fraction: 1 });
    const result = done.result as VolumeBackupResult;
    expect(result.file).toMatch(/^docs-.*\.tar\.gz$/);
    const archive = await download(t.backend, result.download);
    expect(archive.length).toBe(result.bytes);
    expect(entriesOf(gunzipSync(archive))).toEqual(expect.arrayContaining(['./', './note.txt', './sub/deeper/z', './link']));
    const again = await call<TransferTicket>(t.backend, 'volumes.backupDownload', { file: result.file });
    expect((await download(t.backend, again)).equals(archive)).toBe(true);

    expect(await errorOf(call(t.backend, 'volumes.restoreUpload', { name: 'docs-copy' }))).toMatchObject({ code: 'NOT_FOUND' });
    const ticket = await call<TransferTicket>(t.backend, 'volumes.restoreUpload', { name: 'docs-copy', create: true, size: archive.length });
    const restored = (await upload(t.backend, ticket, archive)) as VolumeRestoreResult;
    expect(restored).toMatchObject({ volume: 'docs-copy', mode: 'created', entries: 6 });
    expect(await sh('docs-copy', 'cat /data/note.txt; readlink /data/link; wc -c < /data/sub/deeper/z')).toBe('precious\nnote.txt\n3000');
    expect(await helpersLeft()).toBe(0);
  });

  it('refuses to overwrite a volume with files unless asked, then replaces its contents', async () => {
    await sh('docs-copy', 'echo stray > /data/stray.txt');
    expect(await errorOf(call(t.backend, 'volumes.restoreUpload', { name: 'docs-copy' }))).toMatchObject({ code: 'CONFLICT' });
    const { taskId } = await call<TaskRef>(t.backend, 'volumes.backup', { name: 'docs' });
    const { download: link } = (await taskEnd(t.log, taskId)).result as VolumeBackupResult;
    const archive = await download(t.backend, link);
    const ticket = await call<TransferTicket>(t.backend, 'volumes.restoreUpload', { name: 'docs-copy', overwrite: true });
    expect(await upload(t.backend, ticket, archive)).toMatchObject({ mode: 'replaced' });
    expect(await sh('docs-copy', 'ls /data')).toBe('link\nnote.txt\nsub');
  });

  it('says before a restore what it will do, and restores a kept backup without a round trip (issue #13 item 9)', async () => {
    const { taskId } = await call<TaskRef>(t.backend, 'volumes.backup', { name: 'docs' });
    const { file } = (await taskEnd(t.log, taskId)).result as VolumeBackupResult;
    const kept = await call<VolumeBackupFile[]>(t.backend, 'volumes.backups.list');
    expect(kept[0]).toMatchObject({ file, volume: 'docs' });
    expect(kept[0]?.bytes).toBeGreaterThan(0);

    expect(await call<VolumeRestorePlan>(t.backend, 'volumes.restorePlan', { name: 'fresh-copy' })).toMatchObject({ state: 'missing', mode: 'created' });
    await sh('docs-copy', 'echo stray > /data/stray.txt');
    expect(await call<VolumeRestorePlan>(t.backend, 'volumes.restorePlan', { name: 'docs-copy' })).toEqual({
      volume: 'docs-copy', state: 'filled', usedBy: [], mode: 'replaced',
    });
    // Unused: the volume ends up exactly as the backup (the stray file is gone).
    const replaced = await call<TaskRef>(t.backend, 'volumes.restoreBackup', { name: 'docs-copy', file, overwrite: true });
    expect((await taskEnd(t.log, replaced.taskId)).result).toMatchObject({ mode: 'replaced' });
    expect(await sh('docs-copy', 'ls /data')).toBe('link\nnote.txt\nsub');

    // In use by a container: the plan says "merged" and names it, and the restore does what it said.
    await sh('docs-copy', 'echo stray > /data/stray.txt');
    await docker('create', '--name', 'docs-user', '-v', 'docs-copy:/data', TEST_IMAGE, 'true');
    expect(await call<VolumeRestorePlan>(t.backend, 'volumes.restorePlan', { name: 'docs-copy' })).toMatchObject({ usedBy: ['docs-user'], mode: 'merged' });
    const merged = await call<TaskRef>(t.backend, 'volumes.restoreBackup', { name: 'docs-copy', file, overwrite: true });
    expect((await taskEnd(t.log, merged.taskId)).result).toMatchObject({ mode: 'merged' });
    expect(await sh('docs-copy', 'ls /data')).toBe('link\nnote.txt\nstray.txt\nsub');
    await docker('rm', 'docs-user');

    expect(await errorOf(call(t.backend, 'volumes.restoreBackup', { name: 'docs-copy', file }))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(call(t.backend, 'volumes.restoreBackup', { name: 'docs-copy', file: 'gone-2020-01-01T00-00-00.tar.gz' }))).toMatchObject({ code: 'NOT_FOUND' });
    await call(t.backend, 'volumes.backups.remove', { file });
    expect((await call<VolumeBackupFile[]>(t.backend, 'volumes.backups.list')).map((b) => b.file)).not.toContain(file);
    expect(await helpersLeft()).toBe(0);
  });

  it('rejects archives with paths outside the volume, and files that are not archives, writing nothing', async () => {
    await docker('volume', 'create', 'target');
    const evil = await run('sh', ['-c', 'cd /tmp && rm -rf berth-evil && mkdir -p berth-evil/a && echo x > berth-evil/a/f && tar -C berth-evil -cf - -P --transform "s,^a/f,../../escape," a/f | base64 -w0; rm -rf berth-evil'], {
      encoding: 'utf8',
    });
    const tar = Buffer.from(evil.stdout, 'base64');
    expect(entriesOf(tar)).toEqual(['../../escape']);
    const ticket = await call<TransferTicket>(t.backend, 'volumes.restoreUpload', { name: 'target' });
    const err = await errorOf(upload(t.backend, ticket, gzipSync(tar)));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/^The archive contains "..\/..\/escape", a path outside the volume/);
    const notTar = await call<TransferTicket>(t.backend, 'volumes.restoreUpload', { name: 'target' });
    expect(await errorOf(upload(t.backend, notTar, Buffer.from('hello, not a tar file'.repeat(40))))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await files('target')).entries).toEqual([]);
    expect(await helpersLeft()).toBe(0);
  });

  it('cancels a running backup: the task ends cancelled, no partial file, no helper', async () => {
    await docker('volume', 'create', 'big');
    await sh('big', 'head -c 150000000 /dev/urandom > /data/random');
    const { taskId } = await call<TaskRef>(t.backend, 'volumes.backup', { name: 'big' });
    await t.log.waitFor('tasks.changed', (p) => p.kind === 'patch' && p.upserts.some((u) => u.id === taskId && (u.progress?.current ?? 0) > 0));
    await call(t.backend, 'tasks.cancel', { id: taskId });
    expect((await taskEnd(t.log, taskId)).state).toBe('cancelled');
    const dir = join(dataDir, 'backups');
    if (existsSync(dir)) expect(readdirSync(dir).filter((f) => f.startsWith('big-') || f.includes('.partial'))).toEqual([]);
    expect(await helpersLeft()).toBe(0);
  });

  it('says that browsing needs a local image when the engine has none', async () => {
    await docker('rm', '-f', 'db-1');
    await docker('rmi', '-f', TEST_IMAGE);
    const err = await errorOf(files('docs'));
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Browsing a volume needs any local image; pull one (e.g. busybox) first.' });
    await ensureTestImage(engine.docker);
  });
});
