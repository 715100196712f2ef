import { describe, expect, it } from 'vitest';
import { ErrorCode, type EngineCandidate } from '../../contract';
import { BerthError } from '../../base/errors';
import type { EmbeddedEngine } from '../../providers/types';
import { recordingIo } from '../testing/io';
import { engineCommand, type EngineDeps, type EngineQueries } from './engine';

const candidate = (id: string, endpoint: string): EngineCandidate => ({
  id,
  source: 'default-socket',
  label: id,
  endpoint,
  embedded: false,
});
const dockerHost = candidate('DOCKER_HOST', 'tcp://10.0.0.1:2375');
const local = candidate('Default socket', 'unix:///var/run/docker.sock');
const version = {
  version: '20.10.24',
  apiVersion: '1.41',
  os: 'linux',
  arch: 'amd64',
  product: 'docker' as const,
};

/** Engine queries over two candidates; `probe` replaces the default (only `local` answers). */
function queries(probe?: EngineQueries['probe']): EngineQueries & { closed: number } {
  const q = {
    closed: 0,
    candidates: () => Promise.resolve([dockerHost, local]),
    probe:
      probe ??
      ((c: EngineCandidate) =>
        c === local
          ? Promise.resolve(version)
          : Promise.reject(new BerthError(ErrorCode.ENGINE_UNREACHABLE, 'Connection refused.'))),
    close: () => {
      q.closed++;
      return Promise.resolve();
    },
  };
  return q;
}

function deps(overrides: Partial<EngineDeps> = {}, engines = queries()): EngineDeps {
  return {
    engines: () => Promise.resolve(engines),
    startEmbedded: () => Promise.reject(new Error('not expected')),
    stopEmbedded: () => Promise.reject(new Error('not expected')),
    ...overrides,
  };
}

describe('berth engine', () => {
  it('status reports the first engine that answers', async () => {
    const { io, out } = recordingIo();
    const engines = queries();
    expect(await engineCommand(['status', '--data-dir', '/d'], io, deps({}, engines))).toBe(0);
    expect(engines.closed).toBe(1);
    expect(out).toEqual([
      'Engine:  Default socket (unix:///var/run/docker.sock)',
      'Version: docker 20.10.24 (API 1.41, linux/amd64)',
      'State:   connected',
    ]);
  });

  it('status exits 1 and lists why each engine failed when none answers', async () => {
    const { io, out } = recordingIo();
    const engines = queries(() => Promise.reject(new BerthError(ErrorCode.ENGINE_UNREACHABLE, 'Connection refused.')));
    expect(await engineCommand(['status'], io, deps({}, engines))).toBe(1);
    expect(engines.closed).toBe(1);
    expect(out[0]).toBe('State:   unreachable');
    expect(out).toContain('  DOCKER_HOST (tcp://10.0.0.1:2375): Connection refused.');
  });

  it('status --json is machine-readable', async () => {
    const { io, out } = recordingIo();
    expect(await engineCommand(['status', '--json'], io, deps())).toBe(0);
    const parsed = JSON.parse(out.join('\n')) as { state: string; engine: EngineCandidate; tried: unknown[] };
    expect(parsed.state).toBe('connected');
    expect(parsed.engine.endpoint).toBe(local.endpoint);
    expect(parsed.tried).toEqual([
      {
        id: 'DOCKER_HOST',
        endpoint: dockerHost.endpoint,
        error: { code: 'ENGINE_UNREACHABLE', message: 'Connection refused.' },
      },
      { id: 'Default socket', endpoint: local.endpoint },
    ]);
  });

  it('start runs the embedded engine detached and prints DOCKER_HOST', async () => {
    const seen: unknown[] = [];
    const engine: EmbeddedEngine = {
      candidate: local,
      socketPath: '/d/engine/docker.sock',
      logFile: '/d/engine.log',
      pid: 42,
      stop: () => Promise.resolve(),
    };
    const { io, out } = recordingIo();
    const code = await engineCommand(
      ['start', '--data-dir', '/d'],
      io,
      deps({ startEmbedded: (o) => (seen.push(o), Promise.resolve(engine)) }),
    );
    expect(code).toBe(0);
    expect(seen).toEqual([{ dataDir: '/d', detached: true }]);
    expect(out).toContain('DOCKER_HOST=unix:///d/engine/docker.sock');
  });

  it('start explains a missing engine and exits 1', async () => {
    const { io, err } = recordingIo();
    const missing = deps({
      startEmbedded: () =>
        Promise.reject(
          new BerthError(ErrorCode.ENGINE_NOT_INSTALLED, 'dockerd is missing: apt-get install docker.io'),
        ),
    });
    expect(await engineCommand(['start'], io, missing)).toBe(1);
    expect(err.join('\n')).toContain('apt-get install docker.io');
  });

  it('stop says so when Berth has no engine running', async () => {
    const stopped: string[] = [];
    const stop = (result: boolean) =>
      deps({ stopEmbedded: (d) => (stopped.push(d), Promise.resolve(result)) });
    const idle = recordingIo();
    expect(await engineCommand(['stop', '--data-dir', '/d'], idle.io, stop(false))).toBe(0);
    expect(idle.out[0]).toContain('not running');
    const running = recordingIo();
    expect(await engineCommand(['stop', '--data-dir', '/d'], running.io, stop(true))).toBe(0);
    expect(running.out).toEqual(["Stopped Berth's embedded engine."]);
    expect(stopped).toEqual(['/d', '/d']);
  });
});
