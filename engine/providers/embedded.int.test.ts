import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestBridge, deleteTestBridge, type TestBridge } from '../../e2e/harness/bridge';
import { destroySync, pidsReferencing } from '../../e2e/harness/cleanup';
import { ensureTestImage, TEST_IMAGE } from '../../e2e/harness/engine';
import { BerthError } from '../base/errors';
import { startEmbeddedEngine, stopEmbeddedEngine } from './embedded';
import { engineLayout } from './embedded-layout';
import { isRunning, pingSocket, readPidFile, waitForExit } from './engine-process';
import type { EmbeddedEngine } from './types';

let bridge: TestBridge;
const dirs: string[] = [];
const engines: EmbeddedEngine[] = [];

beforeAll(async () => {
  bridge = await createTestBridge();
});
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
  for (const dir of dirs.splice(0)) destroySync(dir, undefined);
});
afterAll(async () => deleteTestBridge(bridge.name));

async function dataDir(): Promise<string> {
  const dir = await mkdtemp('/tmp/berth-emb-');
  dirs.push(dir);
  return dir;
}

async function start(dir: string, extra: Partial<Parameters<typeof startEmbeddedEngine>[0]> = {}) {
  const engine = await startEmbeddedEngine({ dataDir: dir, mode: 'rootful', bridge, ...extra });
  engines.push(engine);
  return engine;
}

describe('embedded engine, rootful', () => {
  it('starts, answers ping/version, runs a container, and stop() leaves no dockerd', async () => {
    const dir = await dataDir();
    const t0 = Date.now();
    const engine = await start(dir);
    console.log(`rootful embedded engine ready in ${Date.now() - t0} ms`);
    const layout = engineLayout(dir, process.env, 0);
    expect(engine.socketPath).toBe(layout.socketPath);
    expect(engine.candidate).toMatchObject({ id: 'embedded', embedded: true, rootless: false, endpoint: `unix://${layout.socketPath}` });
    expect(await readPidFile(layout.pidFile)).toBe(engine.pid);

    const docker = new Dockerode({ socketPath: engine.socketPath });
    const version = await docker.version();
    expect(version.ApiVersion).toBe('1.41');
    await ensureTestImage(docker);
    const c = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sh', '-c', 'echo embedded-ok'], Tty: true });
    await c.start();
    expect(((await c.wait()) as { StatusCode: number }).StatusCode).toBe(0);
    expect((await c.logs({ stdout: true })).toString()).toContain('embedded-ok');
    await c.remove();
    expect(await readFile(engine.logFile, 'utf8')).toContain('API listen on');

    await engine.stop();
    expect(pidsReferencing(layout.dataRoot)).toEqual([]);
    expect(await pingSocket(engine.socketPath, 500)).toBe(false);
    expect(await readPidFile(layout.pidFile)).toBeUndefined();
  });

  it('removes a stale pidfile, and reuses a running engine instead of starting a second one', async () => {
    const dir = await dataDir();
    const layout = engineLayout(dir, process.env, 0);
    const gone = spawnSync('true').pid;
    await mkdir(layout.engineDir, { recursive: true });
    await writeFile(layout.pidFile, `${gone}\n`);
    const first = await start(dir);
    expect(first.pid).not.toBe(gone);
    expect(await readPidFile(layout.pidFile)).toBe(first.pid);

    const second = await start(dir);
    expect(second.pid).toBe(first.pid);
    expect(first.reused).toBeFalsy();
    expect(second.reused).toBe(true);
    expect(await pingSocket(second.socketPath)).toBe(true);
    // The reused handle can stop the engine it found.
    await second.stop();
    expect(await waitForExit(first.pid ?? -1, 5_000)).toBe(true);
  });

  it('a detached engine outlives its handle and stopEmbeddedEngine(dataDir) stops it', async () => {
    const dir = await dataDir();
    const engine = await startEmbeddedEngine({ dataDir: dir, mode: 'rootful', bridge, detached: true });
    expect(await pingSocket(engine.socketPath)).toBe(true);
    expect(await stopEmbeddedEngine(dir)).toBe(true);
    expect(await isRunning(engine.pid ?? -1)).toBe(false);
    expect(await stopEmbeddedEngine(dir)).toBe(false);
  });

  it('stopEmbeddedEngine refuses a dockerd it did not start, even when a pidfile names it', async () => {
    const foreign = await dataDir();
    const sock = join(foreign, 'd.sock');
    const stranger = spawn(
      'dockerd',
      ['--data-root', join(foreign, 'root'), '--exec-root', join(foreign, 'exec'), '--pidfile', join(foreign, 'd.pid'), '-H', `unix://${sock}`, '--bridge', bridge.name],
      { stdio: 'ignore', detached: true },
    );
    try {
      const deadline = Date.now() + 30_000;
      while (!(await pingSocket(sock, 500)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await pingSocket(sock)).toBe(true);

      const berthDir = await dataDir();
      const layout = engineLayout(berthDir, process.env, 0);
      await mkdir(layout.engineDir, { recursive: true });
      await writeFile(layout.pidFile, `${stranger.pid}\n`);
      expect(await stopEmbeddedEngine(berthDir)).toBe(false);
      expect(await pingSocket(sock)).toBe(true);
      // Its pidfile is left as found: it names a live process that is not ours to judge.
      expect(await readPidFile(layout.pidFile)).toBe(stranger.pid);
    } finally {
      stranger.kill('SIGTERM');
      await waitForExit(stranger.pid ?? -1, 20_000);
    }
  });

  it('a dockerd that fails to start is reported with the last log lines', async () => {
    const dir = await dataDir();
    const err = await start(dir, { extraArgs: ['--no-such-flag'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BerthError);
    expect((err as BerthError).code).toBe('ENGINE_UNREACHABLE');
    expect((err as BerthError).message).toMatch(/exited with code 1[\s\S]*unknown flag: --no-such-flag/);
    expect(await readPidFile(engineLayout(dir, process.env, 0).launcherPidFile)).toBeUndefined();
  });
});
