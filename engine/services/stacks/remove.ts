import type Dockerode from 'dockerode';
import type { TaskContext } from '../tasks/task-manager';
import { engineRequest } from '../common/swarm-api';
import { mapSwarmError } from '../common/swarm-errors';
import { managerList } from '../common/swarm-list';
import type { StackObjects } from './read';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tasksGone(docker: Dockerode, serviceIds: string[], end: number, t: TaskContext): Promise<void> {
  t.progress({ message: 'Waiting for the tasks to stop' });
  while (Date.now() < end && !t.signal.aborted) {
    // Filtering by service answers 404 once the service is gone: list them all and look.
    const tasks = await managerList<{ ServiceID: string }>(docker, { method: 'GET', path: '/tasks' }, 'tasks');
    if (!tasks.some((x) => serviceIds.includes(x.ServiceID))) return;
    await sleep(500);
  }
}

/**
 * Removes what a stack has, in `docker stack rm`'s order: services, then secrets, configs and networks. A secret
 * or network stays in use until the removed services' tasks have stopped, so those are retried for a while
 * (the CLI gives up at once and leaves them behind).
 */
export async function removeStack(docker: Dockerode, now: StackObjects, t: TaskContext, patienceMs = 60_000): Promise<void> {
  const steps: { id: string; label: string; path: string }[] = [
    ...now.services.map((s) => ({ id: s.ID, label: `service ${s.Spec.Name}`, path: `/services/${s.ID}` })),
    ...now.secrets.map((s) => ({ id: s.ID, label: `secret ${s.Spec.Name}`, path: `/secrets/${s.ID}` })),
    ...now.configs.map((c) => ({ id: c.ID, label: `config ${c.Spec.Name}`, path: `/configs/${c.ID}` })),
    ...now.networks.map((n) => ({ id: n.Id, label: `network ${n.Name}`, path: `/networks/${n.Id}` })),
  ];
  for (const s of steps) t.step({ id: s.id, label: s.label, state: 'waiting' });
  const end = Date.now() + patienceMs;
  for (const [i, s] of steps.entries()) {
    // Networks, secrets and configs stay in use until the removed services' tasks are gone.
    if (i === now.services.length && i > 0) await tasksGone(docker, now.services.map((x) => x.ID), end, t);
    t.progress({ progress: { current: i, total: steps.length, unit: 'items' }, message: s.label });
    t.step({ id: s.id, label: s.label, state: 'running' });
    for (;;) {
      try {
        await engineRequest(docker, { method: 'DELETE', path: s.path });
        break;
      } catch (err) {
        const e = mapSwarmError(err, { action: 'remove', object: s.label });
        if (e.code === 'NOT_FOUND') break;
        const inUse = /in use|active endpoints/i.test(e.message);
        if (!inUse || Date.now() > end || t.signal.aborted) {
          t.step({ id: s.id, label: s.label, state: 'failed', detail: e.message });
          throw e;
        }
        await sleep(500);
      }
    }
    t.log(`Removed ${s.label}`);
    t.step({ id: s.id, label: s.label, state: 'done' });
  }
  t.progress({ progress: { fraction: 1 } });
}
