import { describe, expect, it } from 'vitest';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { ComposeProjectDetail, LogChunk, LogLine, StreamParams } from '../../../contract';
import type { StreamContext } from '../../../base/handlers';
import { admin, call } from '../../testing/backend';
import { names, projectContainers, runOk, useProjectDirs } from '../testing/projects';

const env = useEngineBackend();
const folder = useProjectDirs();

/** Opens compose.logs directly on the backend's stream handlers and collects lines until `until` holds. */
async function collectLogs(params: StreamParams<'compose.logs'>, until: (lines: LogLine[]) => boolean, timeoutMs = 15_000): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const controller = new AbortController();
  const ctx: StreamContext<'compose.logs'> = {
    params,
    caller: admin,
    signal: controller.signal,
    send: (chunk: LogChunk) => {
      lines.push(...chunk.lines);
      if (until(lines)) controller.abort();
      return true;
    },
    drained: () => Promise.resolve(),
    onInput: () => undefined,
  };
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await env.t.backend.streams['compose.logs'](ctx);
  clearTimeout(timer);
  return lines;
}

describe('compose projects against a real engine', () => {
  it('pushes compose.changed as the project comes and goes, and merges logs with service names', async () => {
    const d = folder({
      'compose.yaml': `services:\n  a:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sh -c "echo from-a; sleep 1000"\n  b:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sh -c "echo from-b; sleep 2; echo late-b; sleep 1000"\n`,
    });
    const from = Date.now();
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('live') });
    await env.t.log.waitFor('compose.changed', (p) => p.kind === 'patch' && p.upserts.some((s) => s.name === 'live' && s.containers.running === 2), { from });

    const lines = await collectLogs({ name: 'live', tail: 'all', follow: true, timestamps: true }, (ls) => ls.some((l) => l.text === 'late-b'));
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ service: 'a', container: 'live-a-1', text: 'from-a', stream: 'stdout' }),
      expect.objectContaining({ service: 'b', container: 'live-b-1', text: 'late-b' }),
    ]));
    expect(lines.every((l) => typeof l.ts === 'string')).toBe(true);
    const onlyA = await collectLogs({ name: 'live', services: ['a'], tail: 'all', follow: false, timestamps: false }, () => false);
    expect(onlyA.map((l) => `${l.service}:${l.text}`)).toEqual(['a:from-a']);

    const detail = await call<ComposeProjectDetail>(env.t.backend, 'compose.projects.get', { name: 'live' });
    expect(detail.services.map((s) => [s.name, s.state, s.replicas])).toEqual([['a', 'running', { desired: 1, running: 1 }], ['b', 'running', { desired: 1, running: 1 }]]);
    expect(detail.source?.workingDir).toBe(d.dir);

    const downFrom = Date.now();
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'live' });
    // Berth opened it, so it stays listed (stopped, no containers) until forgotten.
    await env.t.log.waitFor('compose.changed', (p) => p.kind === 'patch' && p.upserts.some((s) => s.name === 'live' && s.containers.total === 0), { from: downFrom });
    const forgetFrom = Date.now();
    await call(env.t.backend, 'compose.projects.forget', { name: 'live' });
    await env.t.log.waitFor('compose.changed', (p) => p.kind === 'patch' && p.removed.includes('live'), { from: forgetFrom });
  });

  it('builds an image from a local context (respecting .dockerignore), runs it, and removes it with rmi local', async () => {
    const d = folder({
      'compose.yaml': `services:\n  app:\n    build: .\n    init: true\n    command: sh -c "ls /ctx; sleep 1000"\n`,
      Dockerfile: `FROM ${TEST_IMAGE}\nCOPY . /ctx\n`,
      '.dockerignore': 'secret.txt\n',
      'secret.txt': 'do not ship',
      'kept.txt': 'ship me',
    });
    const task = await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('built') });
    expect(task.steps?.find((s) => s.id === 'app')?.state).toBe('done');
    const image = await env.engine.docker.getImage('built-app').inspect();
    expect(image.Id).toMatch(/^sha256:/);
    const lines = await collectLogs({ name: 'built', tail: 'all', follow: false, timestamps: false }, () => false);
    const listed = lines.map((l) => l.text);
    expect(listed).toContain('kept.txt');
    expect(listed).not.toContain('secret.txt');
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'built', rmi: 'local' });
    await expect(env.engine.docker.getImage('built-app').inspect()).rejects.toThrow();
    expect(await env.engine.docker.getImage(TEST_IMAGE).inspect()).toBeTruthy();
  });

  it('rejects an external network that does not exist with a clear error', async () => {
    const d = folder({ 'compose.yaml': `services:\n  a:\n    image: ${TEST_IMAGE}\n    networks: [shared]\nnetworks:\n  shared:\n    external: true\n` });
    const { taskId } = await call<{ taskId: string }>(env.t.backend, 'compose.up', { source: d.source('ext') });
    const hit = await env.t.log.waitFor('tasks.changed', (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === taskId && x.state === 'failed'));
    const failed = hit.payload.kind === 'patch' ? hit.payload.upserts.find((x) => x.id === taskId) : undefined;
    expect(failed?.error?.message).toMatch(/Network "shared" is declared as external but does not exist\. Create it first/);
    expect(names(await projectContainers(env.engine.docker, 'ext'))).toEqual([]);
  });
});
