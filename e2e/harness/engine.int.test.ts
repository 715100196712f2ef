import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../engine/providers/engine-process';
import { pidsReferencing } from './cleanup';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from './engine';

async function runToCompletion(engine: TestEngine, cmd: string[]): Promise<{ code: number; output: string }> {
  const container = await engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: cmd, Tty: true });
  await container.start();
  const { StatusCode } = (await container.wait()) as { StatusCode: number };
  const logs = await container.logs({ stdout: true, stderr: true });
  await container.remove({ force: true });
  return { code: StatusCode, output: logs.toString('utf8') };
}

describe('test engine harness (rootful)', () => {
  let engine: TestEngine | undefined;
  afterAll(async () => engine?.stop());

  it('starts a dockerd on its own bridge, builds the test image and runs containers', async () => {
    const t0 = Date.now();
    engine = await startTestEngine();
    console.log(`rootful test engine ready in ${Date.now() - t0} ms`);
    expect(engine.endpoint).toBe(`unix://${engine.socketPath}`);
    expect(String((await engine.docker.ping()) as unknown)).toBe('OK');
    const id = await ensureTestImage(engine.docker);
    expect(id).toMatch(/^sha256:/);
    expect(await ensureTestImage(engine.docker)).toBe(id);
    const image = await engine.docker.getImage(TEST_IMAGE).inspect();
    expect(image.Config.Cmd).toEqual(['sh']);
    const echo = await runToCompletion(engine, ['sh', '-c', 'echo hello-$((6*7)); ip -4 addr show eth0']);
    expect(echo.code).toBe(0);
    expect(echo.output).toContain('hello-42');
    // The container sits on the harness's own bridge subnet (10.200.0.0/13), not on docker0's 172.17.
    expect(echo.output).toMatch(/inet 10\.20[0-7]\./);
    expect((await runToCompletion(engine, ['false'])).code).toBe(1);
  });

  it('containers reach each other on the bridge and published ports reach the host', async () => {
    if (!engine) throw new Error('first test did not start the engine');
    const web = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await web.start();
    try {
      const info = await web.inspect();
      const port = info.NetworkSettings.Ports['80/tcp']?.[0]?.HostPort;
      const ip = Object.values(info.NetworkSettings.Networks)[0]?.IPAddress ?? '';
      expect(ip).toMatch(/^10\.20[0-7]\./);
      let body = '';
      for (let i = 0; i < 50 && !body; i++) {
        body = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => '',
        );
        if (!body) await new Promise((r) => setTimeout(r, 100));
      }
      expect(body).toContain('berth test');
      const peer = await runToCompletion(engine, ['wget', '-qO-', `http://${ip}/`]);
      expect(peer.output).toContain('berth test');
    } finally {
      await web.remove({ force: true });
    }
  });

  it('kill() makes the engine unreachable and restart() brings it back on the same socket', async () => {
    if (!engine) throw new Error('previous test did not start the engine');
    await engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '1000'], name: 'survivor' });
    await engine.kill();
    await expect(engine.docker.ping()).rejects.toThrow();
    await engine.restart();
    expect(String((await engine.docker.ping()) as unknown)).toBe('OK');
    const names = (await engine.docker.listContainers({ all: true })).flatMap((c) => c.Names);
    expect(names).toContain('/survivor');
  });

  it('stop() removes containers, processes, bridge and data dir, and is idempotent', async () => {
    if (!engine) throw new Error('previous test did not start the engine');
    const sleeper = await engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '1000'] });
    await sleeper.start();
    const { dataDir } = engine;
    const pids = pidsReferencing(dataDir);
    expect(pids.length).toBeGreaterThan(0);
    await engine.stop();
    await engine.stop();
    // Zombies count as gone: init reaps orphans on its own schedule.
    const running = await Promise.all(pids.map(isRunning));
    expect(pids.filter((_, i) => running[i])).toEqual([]);
    expect(pidsReferencing(dataDir)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
    engine = undefined;
  });
});
