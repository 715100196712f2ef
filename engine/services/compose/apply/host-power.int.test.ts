import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { Caller } from '../../../base/audit';
import type { TaskInfo, TaskRef } from '../../../contract';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { projectContainers, runOk, useProjectDirs } from '../testing/projects';

const env = useEngineBackend();
const folder = useProjectDirs();
const operator: Caller = { role: 'operator', user: 'olga', via: 'web' };

/** compose.up as the operator, awaited to the task's end. */
async function upAsOperator(params: unknown): Promise<TaskInfo> {
  const from = Date.now();
  const r = await env.t.backend.dispatch('compose.up', params, operator);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const { taskId } = r.value as TaskRef;
  const hit = await env.t.log.waitFor('tasks.changed', (p) => p.kind === 'patch' && p.upserts.some((t) => t.id === taskId && t.state !== 'running'), {
    from: from - 1,
    timeoutMs: 60_000,
  });
  const task = hit.payload.kind === 'patch' ? hit.payload.upserts.find((t) => t.id === taskId) : undefined;
  if (!task) throw new Error('task vanished');
  return task;
}

const service = (extra: string) => `services:\n  app:\n    image: ${TEST_IMAGE}\n    command: sleep 1000\n${extra}`;

// An operator may deploy projects, but not ones that hand a container power over the host (issue #12, ADR 18):
// the contract cannot see that in compose.up's parameters, so the apply engine checks each container it creates.
describe('compose apply refuses host power to roles below admin', () => {
  it.each([
    ['privileged', '    privileged: true\n', /runs privileged/],
    ['an added capability', '    cap_add: [NET_ADMIN]\n', /adds capabilities \(NET_ADMIN\)/],
    ['the host network', '    network_mode: host\n', /host's network/],
    ['the host PID namespace', '    pid: host\n', /host's process namespace/],
    ['a bind mount of /etc', '    volumes: ["/etc:/host-etc:ro"]\n', /bind-mounts \/etc from the host/],
  ])('an operator cannot up a service with %s; nothing is created', async (_what, extra, message) => {
    const d = folder({ 'compose.yaml': service(extra) });
    const project = `hp${Math.random().toString(36).slice(2, 8)}`;
    const task = await upAsOperator({ source: d.source(project), noStart: true });
    expect(task.state).toBe('failed');
    expect(task.error?.message).toMatch(/Your role \(operator\) may not create container/);
    expect(task.error?.message).toMatch(message);
    expect(await projectContainers(env.engine.docker, project)).toEqual([]);
  });

  it('an operator can up a plain service with a named volume, and an admin a privileged one', async () => {
    const plain = folder({ 'compose.yaml': service('    volumes: [data:/data]\nvolumes:\n  data:\n') });
    const ok = await upAsOperator({ source: plain.source('hpplain'), noStart: true });
    expect(ok.state).toBe('succeeded');
    expect(await projectContainers(env.engine.docker, 'hpplain')).toHaveLength(1);
    const risky = folder({ 'compose.yaml': service('    privileged: true\n') });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: risky.source('hpadmin'), noStart: true });
    const [c] = await projectContainers(env.engine.docker, 'hpadmin');
    expect((await env.engine.docker.getContainer(c?.Id ?? '').inspect()).HostConfig.Privileged).toBe(true);
  });
});
