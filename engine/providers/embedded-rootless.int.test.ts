import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../e2e/harness/engine';
import { isRunning, readPidFile } from './engine-process';
import { engineLayout } from './embedded-layout';

describe('embedded engine, rootless (as the berth-rootless test user)', () => {
  let engine: TestEngine | undefined;
  afterAll(async () => engine?.stop());

  it('starts rootless dockerd, reports rootless in SecurityOptions, runs a container and stops cleanly', async () => {
    const t0 = Date.now();
    engine = await startTestEngine({ rootless: true });
    console.log(`rootless engine ready in ${Date.now() - t0} ms`);
    expect(engine.candidate).toMatchObject({ embedded: true, rootless: true });
    const info = (await engine.docker.info()) as { SecurityOptions?: string[] };
    expect(info.SecurityOptions).toContain('name=rootless');

    await ensureTestImage(engine.docker);
    const container = await engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sh', '-c', 'id -u; echo rootless-ok'], Tty: true });
    await container.start();
    expect(((await container.wait()) as { StatusCode: number }).StatusCode).toBe(0);
    const out = (await container.logs({ stdout: true })).toString('utf8');
    expect(out).toContain('rootless-ok');
    // Root inside the container is the unprivileged user outside: that is the point of rootless.
    expect(out).toMatch(/^0\s/);

    // The engine dying (SIGKILL) and coming back on the same data root and socket, as the app's reconnect sees it.
    await engine.kill();
    await expect(engine.docker.ping()).rejects.toThrow();
    const t1 = Date.now();
    await engine.restart();
    console.log(`rootless engine restarted in ${Date.now() - t1} ms`);
    expect(String((await engine.docker.ping()) as unknown)).toBe('OK');
    expect((await engine.docker.getImage(TEST_IMAGE).inspect()).Id).toMatch(/^sha256:/);

    const layout = engineLayout(engine.dataDir, {}, 0);
    const dockerdPid = await readPidFile(layout.pidFile);
    const launcherPid = await readPidFile(layout.launcherPidFile);
    expect(dockerdPid).toBeDefined();
    expect(launcherPid).toBeDefined();
    const { dataDir } = engine;
    await engine.stop();
    engine = undefined;
    expect(await isRunning(dockerdPid ?? -1)).toBe(false);
    expect(await isRunning(launcherPid ?? -1)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
