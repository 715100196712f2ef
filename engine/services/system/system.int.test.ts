import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import type { DiskUsage, SystemInfo, SystemPrunePreview, SystemPruneResult, TaskRef } from '../../contract';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { errorOf, taskEnd } from '../testing/transfer';

const run = promisify(execFile);
let engine: TestEngine;
let t: TestBackend;

const docker = async (...args: string[]) => (await run('docker', ['-H', engine.endpoint, ...args])).stdout.trim();
const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
  await t.log.status('connected');
  // A running container with a volume, a stopped one with 1 MB written, an untagged image, two volumes, a network.
  await docker('run', '-d', '--name', 'keeper', '-v', 'kept-data:/data', TEST_IMAGE, 'sleep', '600');
  await docker('run', '--name', 'stopped', '-v', 'stopped-data:/data', TEST_IMAGE, 'sh', '-c', 'head -c 1000000 /dev/zero > /big');
  await docker('commit', 'stopped');
  await docker('volume', 'create');
  await docker('network', 'create', 'lonely');
});
afterAll(async () => {
  await t?.dispose();
  await engine?.stop();
});

describe('system service against a real engine', () => {
  it('reports disk usage per kind like `docker system df`', async () => {
    const df = await call<DiskUsage>(t.backend, 'system.df');
    expect(df.images).toMatchObject({ count: 2, active: 1 });
    expect(df.images.totalBytes).toBeGreaterThan(1_000_000);
    expect(df.images.reclaimableBytes).toBeGreaterThanOrEqual(1_000_000);
    expect(df.containers).toMatchObject({ count: 2, active: 1 });
    expect(df.containers.reclaimableBytes).toBeGreaterThanOrEqual(1_000_000);
    expect(df.volumes).toMatchObject({ count: 3, active: 2 });
    expect(df.buildCache.count).toBe(0);
  });

  it('states what the default clean-up frees with the same figures as its preview', async () => {
    const [df, preview] = await Promise.all([
      call<DiskUsage>(t.backend, 'system.df'),
      call<SystemPrunePreview>(t.backend, 'system.prunePreview', {}),
    ]);
    expect(df.images.cleanupBytes).toBe(preview.reclaimableBytes.images);
    expect(df.containers.cleanupBytes).toBe(preview.reclaimableBytes.containers);
    expect(df.volumes.cleanupBytes).toBe(0);
    expect(df.containers.cleanupBytes).toBeGreaterThanOrEqual(1_000_000);
    // The engine's figure counts every unused image; the default clean-up keeps tagged ones.
    expect(df.images.cleanupBytes).toBeLessThanOrEqual(df.images.reclaimableBytes);
  });

  it('answers disk usage while other callers and another client read it at the same moment', async () => {
    // The engine runs one disk-usage walk at a time and answers a second one with HTTP 500; Berth's own callers
    // share one call and a walk started by another client (here the docker CLI) is waited out.
    // The CLI does not wait: when our walk runs first it is the one refused, which is the engine's business.
    const other = Array.from({ length: 3 }, () =>
      docker('system', 'df').then(
        () => 'answered',
        (err: Error) => (/already running/.test(err.message) ? 'answered' : err.message),
      ),
    );
    const ours = await Promise.all([
      call<DiskUsage>(t.backend, 'system.df'),
      call<SystemPrunePreview>(t.backend, 'system.prunePreview', {}),
      call<DiskUsage>(t.backend, 'system.df'),
      call<unknown[]>(t.backend, 'volumes.list'),
    ]);
    expect(ours).toHaveLength(4);
    expect(await Promise.all(other)).toEqual(['answered', 'answered', 'answered']);
  });

  it('previews exactly what a prune removes, volumes only when asked', async () => {
    const preview = await call<SystemPrunePreview>(t.backend, 'system.prunePreview', {});
    expect(preview.options).toEqual({ allImages: false, volumes: 'none', buildCache: true });
    expect(names(preview.containers)).toEqual(['stopped']);
    expect(preview.containers[0]?.detail).toMatch(/^Exited \(0\)/);
    expect(preview.images).toHaveLength(1);
    expect(preview.images[0]?.detail).toBe('untagged');
    expect(names(preview.networks)).toEqual(['lonely']);
    expect(preview.volumes).toEqual([]);
    expect(preview.reclaimableBytes.containers).toBeGreaterThanOrEqual(1_000_000);
    expect(preview.reclaimableBytes.total).toBe(
      preview.reclaimableBytes.containers + preview.reclaimableBytes.images + preview.reclaimableBytes.volumes + preview.reclaimableBytes.buildCache,
    );

    const anonymous = await call<SystemPrunePreview>(t.backend, 'system.prunePreview', { volumes: 'anonymous' });
    expect(anonymous.volumes.map((v) => v.detail)).toEqual(['anonymous']);
    const all = await call<SystemPrunePreview>(t.backend, 'system.prunePreview', { volumes: 'all', allImages: true });
    // The stopped container goes first, so its volume is unused by the time volumes are pruned.
    expect(names(all.volumes)).toContain('stopped-data');
    expect(names(all.volumes)).not.toContain('kept-data');
    expect(names(all.images)).toHaveLength(1); // the test image is used by the running container
    expect(await errorOf(call(t.backend, 'system.prunePreview', { volumes: 'everything' }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('prunes as a task with a step per kind and reports what was removed and freed', async () => {
    const { taskId } = await call<TaskRef>(t.backend, 'system.prune', { volumes: 'anonymous' });
    const done = await taskEnd(t.log, taskId);
    expect(done.state).toBe('succeeded');
    expect(done.steps?.map((s) => [s.id, s.state])).toEqual([
      ['containers', 'done'],
      ['images', 'done'],
      ['networks', 'done'],
      ['volumes', 'done'],
      ['buildCache', 'done'],
    ]);
    const result = done.result as SystemPruneResult;
    expect(result.removed.containers).toEqual(['stopped']);
    expect(result.removed.networks).toEqual(['lonely']);
    expect(result.removed.images.length).toBeGreaterThan(0);
    expect(result.removed.volumes).toHaveLength(1);
    expect(result.reclaimedBytes.total).toBeGreaterThanOrEqual(1_000_000);
    expect(result.failed).toEqual([]);
    expect(await docker('ps', '-a', '--format', '{{.Names}}')).toBe('keeper');
    expect((await docker('volume', 'ls', '-q')).split('\n').sort()).toEqual(['kept-data', 'stopped-data']);
    expect(await docker('images', '-q', '--filter', 'dangling=true')).toBe('');
  });

  it('describes the engine: versions, OS, storage, cgroups, security, runtimes, registries, swarm, counts', async () => {
    const info = await call<SystemInfo>(t.backend, 'system.info');
    const cli = JSON.parse(await docker('info', '--format', '{{json .}}')) as Record<string, unknown>;
    expect(info).toMatchObject({
      version: await docker('version', '--format', '{{.Server.Version}}'),
      apiVersion: '1.41',
      os: cli.OperatingSystem,
      kernelVersion: cli.KernelVersion,
      architecture: cli.Architecture,
      storageDriver: cli.Driver,
      cgroupDriver: cli.CgroupDriver,
      cgroupVersion: cli.CgroupVersion,
      cpus: cli.NCPU,
      memoryBytes: cli.MemTotal,
      dataRoot: cli.DockerRootDir,
      defaultRuntime: 'runc',
      swarm: { state: 'inactive', controlAvailable: false },
      containers: { total: 1, running: 1 },
    });
    expect(info.runtimes).toContain('runc');
    expect(info.security.raw).toEqual(cli.SecurityOptions);
    expect(info.security.rootless).toBe(false);
    expect(info.security.seccomp).toBe('default');
    expect(info.insecureRegistries).toContain('127.0.0.0/8');
  });
});
