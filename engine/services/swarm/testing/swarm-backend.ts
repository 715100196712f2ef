import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { SwarmStatus } from '../../../contract';
import { ensureTestImage, startTestEngine } from '../../../../e2e/harness/engine';
import { call, startBackend } from '../../testing/backend';
import type { EngineBackend } from '../../testing/use-engine-backend';

/** A free TCP port on loopback, so the test swarm never takes 2377 from another engine on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface SwarmBackend extends EngineBackend {
  /** The swarm's listen address (127.0.0.1:PORT). */
  listenAddr: string;
  call<T>(method: string, params?: unknown): Promise<T>;
  /** The error data of a call that must fail. */
  fail(method: string, params?: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
}

/**
 * A dedicated harness engine (never the shared one: a swarm changes the whole engine) with a single-node swarm
 * initialised on loopback, and a following backend on it. Stopped after the file.
 */
export function useSwarmBackend(): SwarmBackend {
  const env = {} as SwarmBackend;
  env.call = <T>(method: string, params: unknown = {}) => call<T>(env.t.backend, method, params);
  env.fail = async (method, params = {}) => {
    const r = await env.t.backend.dispatch(method, params, { role: 'admin', user: 'test', via: 'cli' });
    if (r.ok) throw new Error(`${method} succeeded but was expected to fail`);
    return r.error as { code: string; message: string; details?: Record<string, unknown> };
  };
  beforeAll(async () => {
    env.engine = await startTestEngine();
    await ensureTestImage(env.engine.docker);
    env.t = await startBackend(env.engine.endpoint);
    await env.t.log.status('connected');
    env.listenAddr = `127.0.0.1:${await freePort()}`;
    const s = await env.call<SwarmStatus>('swarm.init', { advertiseAddr: env.listenAddr, listenAddr: env.listenAddr });
    if (!s.isManager) throw new Error(`swarm init left the engine ${s.state}`);
  });
  afterAll(async () => {
    await env.t.backend.dispatch('swarm.leave', { force: true }, { role: 'admin', user: 'test', via: 'cli' }).catch(() => undefined);
    await (env.t as EngineBackend['t'] | undefined)?.dispose();
    await (env.engine as EngineBackend['engine'] | undefined)?.stop();
  });
  return env;
}

