import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import { ErrorCode, formatBytes, type TransferTicket, type VolumeRestoreResult } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError, toErrorData } from '../../base/errors';
import type { TaskContext } from '../tasks/task-manager';
import { byteCounter, reportBytes, type BackupDeps } from './backup';
import { checkArchive } from './archive-check';
import { listFiles } from './files';
import { decompressedLimit, openArchive } from './restore-limit';
import { MOUNT, withHelper } from './helper';
import type { EngineVolume } from '../common/volume-usage';

export interface RestoreOptions {
  name: string;
  create: boolean;
  overwrite: boolean;
  size?: number | undefined;
}

/** What the volume is now: missing, empty, or holding files. */
export async function volumeState(docker: Dockerode, name: string): Promise<'missing' | 'empty' | 'filled'> {
  try {
    await docker.getVolume(name).inspect();
  } catch (err) {
    const mapped = mapDockerError(err, { object: `volume ${name}` });
    if (mapped.code === ErrorCode.NOT_FOUND) return 'missing';
    throw mapped;
  }
  return (await listFiles(docker, name, '')).entries.length > 0 ? 'filled' : 'empty';
}

export function refuse(name: string, state: 'missing' | 'empty' | 'filled', options: RestoreOptions): void {
  if (state === 'missing' && !options.create) {
    throw new BerthError(
      ErrorCode.NOT_FOUND,
      `Volume ${name} does not exist. Choose "Create the volume" to restore into a new one.`,
    );
  }
  if (state === 'filled' && !options.overwrite) {
    throw new BerthError(
      ErrorCode.CONFLICT,
      `Volume ${name} is not empty; restoring would replace its files. Choose "Overwrite" if that is what you want, or restore into a new volume.`,
    );
  }
}

/**
 * volumes.restoreUpload: checks up front (so the UI can say no before uploading), then issues an upload ticket.
 * The upload runs as a task: the archive is received into a temporary file, checked entry by entry (no
 * absolute paths, no '..') before anything is written, then written into the volume through a never-started
 * helper container with the volume mounted read-write.
 */
export async function restoreTicket(deps: BackupDeps, options: RestoreOptions): Promise<TransferTicket> {
  refuse(options.name, await volumeState(deps.docker(), options.name), options);
  return deps.transfers.upload({
    accept: async (body, signal) => {
      const id = deps.tasks.start<VolumeRestoreResult>({
        kind: 'volumes.restore',
        title: `Restore volume ${options.name}`,
        run: (t) => restore(deps, options, body, t),
      });
      const onAbort = () => deps.tasks.cancel(id);
      signal.addEventListener('abort', onAbort, { once: true });
      const info = await deps.tasks.wait(id);
      signal.removeEventListener('abort', onAbort);
      if (info.state === 'succeeded') return info.result;
      const error =
        info.error ?? toErrorData(new BerthError(ErrorCode.CANCELLED, 'The restore was cancelled.'));
      throw new BerthError(error.code, error.message, error.details);
    },
  });
}

export async function restore(
  deps: BackupDeps,
  options: RestoreOptions,
  body: Readable,
  t: TaskContext,
): Promise<VolumeRestoreResult> {
  const { name } = options;
  const tmpDir = join(deps.dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const spool = join(tmpDir, `restore-${randomBytes(6).toString('hex')}`);
  const steps = {
    receive: 'Receive the archive',
    check: 'Check every path in it',
    write: `Write into ${name}`,
  };
  const step = (id: keyof typeof steps, state: 'running' | 'done') => t.step({ id, label: steps[id], state });
  try {
    step('receive', 'running');
    const received = byteCounter((n) => reportBytes(t, `Received ${formatBytes(n)}`, n, options.size));
    await pipeline(body, received, createWriteStream(spool), { signal: t.signal });
    step('receive', 'done');

    step('check', 'running');
    const gzipped = await isGzip(spool);
    const limit = decompressedLimit((await stat(spool)).size);
    const open = () => openArchive(spool, gzipped, limit);
    const checked = await checkArchive(open(), t.signal);
    step('check', 'done');

    step('write', 'running');
    const docker = deps.docker();
    const mode = await prepareVolume(docker, options);
    await withHelper(docker, name, { readOnly: false, purpose: 'restore' }, async (helper) => {
      const counter = byteCounter((n) => reportBytes(t, `Wrote ${formatBytes(n)}`, n, checked.bytes));
      const tar = open().pipe(counter);
      try {
        await helper.container.putArchive(tar, { path: MOUNT, abortSignal: t.signal });
      } catch (err) {
        throw mapDockerError(err, { action: 'write into', object: `volume ${name}` });
      }
    });
    step('write', 'done');
    deps.written?.();
    t.progress({
      message: `Restored ${checked.entries} entries (${formatBytes(checked.bytes)}) into ${name}`,
    });
    return { volume: name, mode, entries: checked.entries, bytes: checked.bytes };
  } finally {
    await rm(spool, { force: true });
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Creates a missing volume; empties a filled one by recreating it (same driver, options and labels) when no
 * container uses it, so the result equals the backup; otherwise the archive is written over what is there.
 */
async function prepareVolume(
  docker: Dockerode,
  options: RestoreOptions,
): Promise<VolumeRestoreResult['mode']> {
  const { name } = options;
  const state = await volumeState(docker, name);
  refuse(name, state, options);
  try {
    if (state === 'missing') {
      await docker.createVolume({ Name: name });
      return 'created';
    }
    if (state === 'empty') return 'filled';
    const users = await docker.listContainers({ all: true, filters: { volume: [name] } });
    if (users.length > 0) return 'merged';
    const v = (await docker.getVolume(name).inspect()) as unknown as EngineVolume;
    await docker.getVolume(name).remove();
    await docker.createVolume({
      Name: name,
      Driver: v.Driver,
      DriverOpts: v.Options ?? {},
      Labels: v.Labels ?? {},
    });
    return 'replaced';
  } catch (err) {
    throw mapDockerError(err, { action: 'prepare', object: `volume ${name}` });
  }
}
