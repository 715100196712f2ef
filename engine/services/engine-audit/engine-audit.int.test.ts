import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineCheck, EngineChecks } from '../../contract';
import { startTestEngine, type TestEngine } from '../../../e2e/harness/engine';
import { call, startBackend, type TestBackend } from '../testing/backend';

/** A free loopback port for the engine's extra TCP listener. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const byId = (r: EngineChecks, id: string): EngineCheck => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

const owned: { engine: TestEngine; t: TestBackend }[] = [];
async function engineWith(extraArgs: string[], endpoint?: (e: TestEngine) => string) {
  const engine = await startTestEngine({ extraArgs });
  const t = await startBackend(endpoint ? endpoint(engine) : engine.endpoint);
  owned.push({ engine, t });
  await t.log.status('connected');
  return { engine, checks: await call<EngineChecks>(t.backend, 'engineAudit.checks') };
}

afterAll(async () => {
  for (const { engine, t } of owned) {
    await t.dispose();
    await engine.stop();
  }
});

describe('engine checks against real engines', () => {
  it('a default rootful engine: live-restore and icc warn, seccomp passes, the data root is compared with /', async () => {
    const { engine, checks } = await engineWith([]);
    expect(checks.local).toBe(true);
    expect(byId(checks, 'engine.live-restore').status).toBe('warn');
    expect(byId(checks, 'engine.icc').status).toBe('warn');
    expect(byId(checks, 'engine.seccomp')).toMatchObject({ status: 'pass', benchmark: { id: '2.17', version: 'CIS Docker Benchmark v1.7.0' } });
    expect(byId(checks, 'engine.user-namespaces').status).toBe('warn');
    expect(byId(checks, 'engine.tcp-without-tls').status).toBe('pass');
    expect(byId(checks, 'engine.experimental').status).toBe('pass');
    expect(byId(checks, 'engine.log-level').status).toBe('pass');
    // The harness puts the data root under /tmp: whether that is its own filesystem is read here the same way.
    const info = (await engine.docker.info()) as { DockerRootDir: string };
    const same = (await stat(info.DockerRootDir)).dev === (await stat('/')).dev;
    expect(byId(checks, 'engine.data-root-partition').status).toBe(same ? 'warn' : 'pass');
    for (const c of checks.checks) expect(c.status === 'pass' || c.status === 'unknown' || c.fix).toBeTruthy();
  });

  it('--live-restore, --icc=false, --debug and a plain TCP listener flip their checks', async () => {
    const port = await freePort();
    const { checks } = await engineWith(['--live-restore', '--icc=false', '--debug', '-H', `tcp://127.0.0.1:${port}`]);
    expect(byId(checks, 'engine.live-restore').status).toBe('pass');
    expect(byId(checks, 'engine.icc').status).toBe('pass');
    expect(byId(checks, 'engine.log-level').status).toBe('warn');
    const tcp = byId(checks, 'engine.tcp-without-tls');
    expect(tcp).toMatchObject({ status: 'fail', severity: 'high' });
    expect(tcp.why).toContain(`127.0.0.1:${port}`);
  });

  it('Berth itself connecting over tcp:// without TLS fails loudly, and the data root is unknown (remote)', async () => {
    const port = await freePort();
    const { checks } = await engineWith(['-H', `tcp://127.0.0.1:${port}`], () => `tcp://127.0.0.1:${port}`);
    expect(checks.local).toBe(false);
    const tcp = byId(checks, 'engine.tcp-without-tls');
    expect(tcp.status).toBe('fail');
    expect(tcp.why).toContain('Berth talks to this engine at tcp://');
    const dataRoot = byId(checks, 'engine.data-root-partition');
    expect(dataRoot.status).toBe('unknown');
    expect(dataRoot.why).toMatch(/not on this machine/);
  });
});
