import { describe, expect, it } from 'vitest';
import type { SwarmDetails, SwarmJoinTokens, SwarmNode, SwarmStatus } from '../../contract';
import { startTestEngine } from '../../../e2e/harness/engine';
import { call, startBackend } from '../testing/backend';
import { runTask } from '../compose/testing/projects';
import { freePort, useSwarmBackend } from './testing/swarm-backend';

const env = useSwarmBackend();

describe('swarm membership on a real single-node swarm', () => {
  it('reports the manager status, details and addresses', async () => {
    const s = await env.call<SwarmStatus>('swarm.status');
    expect(s).toMatchObject({ state: 'active', isManager: true, nodes: 1, managers: 1 });
    expect(s.nodeId).toMatch(/^[a-z0-9]{25}$/);
    const d = await env.call<SwarmDetails>('swarm.inspect');
    expect(d.settings).toMatchObject({ taskHistoryLimit: 5, heartbeatSeconds: 5, autolock: false });
    expect(d.version).toBeGreaterThan(0);
    const addrs = await env.call<{ address: string; preferred: boolean }[]>('swarm.addresses');
    expect(addrs.filter((a) => a.preferred)).toHaveLength(1);
    expect(addrs.map((a) => a.address)).toContain('127.0.0.1');
  });

  it('shows, rotates the join tokens and updates the settings with the version', async () => {
    const before = await env.call<SwarmJoinTokens>('swarm.joinTokens');
    expect(before.worker).toMatch(/^SWMTKN-1-/);
    expect(before.managerAddrs).toContain(env.listenAddr);
    const after = await env.call<SwarmJoinTokens>('swarm.rotateToken', { which: 'worker' });
    expect(after.worker).not.toBe(before.worker);
    expect(after.manager).toBe(before.manager);
    const d = await env.call<SwarmDetails>('swarm.update', { settings: { taskHistoryLimit: 3 } });
    expect(d.settings.taskHistoryLimit).toBe(3);
    const key = await env.call<{ key: string }>('swarm.unlockKey', { rotate: false });
    expect(key.key).toBe('');
  });

  it('refuses to leave as the last manager without force, and to join again', async () => {
    const e = await env.fail('swarm.leave', {});
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/last manager: leaving erases the swarm/);
    const tokens = await env.call<SwarmJoinTokens>('swarm.joinTokens');
    const j = await env.fail('swarm.join', { remoteAddrs: [env.listenAddr], joinToken: tokens.worker });
    expect(j).toMatchObject({ code: 'CONFLICT' });
    expect(j.message).toMatch(/already in a swarm/);
  });

  it('lists the node live and edits its labels and availability with events', async () => {
    const [node] = await env.call<SwarmNode[]>('nodes.list');
    expect(node).toMatchObject({ role: 'manager', state: 'ready', leader: true, self: true, availability: 'active' });
    const from = Date.now();
    await env.call('nodes.update', { id: node!.id, labels: { zone: 'a' } });
    await env.t.log.waitFor('nodes.changed', (p) => p.kind === 'patch' && p.upserts.some((n) => n.labels.zone === 'a'), { from });
    const self = await env.fail('nodes.remove', { id: node!.id, force: true });
    expect(self.message).toMatch(/cannot remove itself/);
  });
});

describe('joining with a wrong token', () => {
  it('says the manager refused the token, and the second engine stays out of the swarm', async () => {
    const other = await startTestEngine();
    const t = await startBackend(other.endpoint);
    try {
      await t.log.status('connected');
      const tokens = await env.call<SwarmJoinTokens>('swarm.joinTokens');
      // The right swarm (its CA digest) with a secret that is not the swarm's.
      const wrong = tokens.worker.replace(/-[a-z0-9]+$/, '-' + 'x'.repeat(25));
      const listen = `127.0.0.1:${await freePort()}`;
      const started = Date.now();
      const task = await runTask(t.backend, t.log, 'swarm.join', { remoteAddrs: [env.listenAddr], joinToken: wrong, listenAddr: listen, advertiseAddr: listen }, 60_000);
      // The join is a task that cannot be cancelled (the engine's call cannot be), and it said what it waits for.
      expect(task).toMatchObject({ kind: 'swarm.join', state: 'failed', cancellable: false, hasLog: true });
      const running = t.log.events['tasks.changed'].flatMap((e) => (e.payload.kind === 'patch' ? e.payload.upserts : [])).filter((u) => u.id === task.id && u.state === 'running');
      expect(running.some((u) => /^Waiting for the manager at 127\.0\.0\.1:\d+ \(\d+ s;/.test(u.message ?? ''))).toBe(true);
      expect(task.error?.message).toMatch(/refused the join token/);
      expect(task.error?.details).toMatchObject({ field: 'joinToken' });
      expect(task.steps).toEqual([expect.objectContaining({ id: 'join', state: 'failed', detail: expect.stringMatching(/refused the join token/) as unknown })]);
      console.log(`[swarm.join] a wrong token failed after ${Date.now() - started} ms`);
      expect((await call<SwarmStatus>(t.backend, 'swarm.status')).state).not.toBe('active');
      // Lists of an engine outside any swarm are empty, not errors.
      expect(await call(t.backend, 'nodes.list')).toEqual([]);
      expect(await call(t.backend, 'services.list')).toEqual([]);
      expect(await call(t.backend, 'swarmTasks.list', {})).toEqual([]);
      const notManager = await t.backend.dispatch('swarm.inspect', {}, { role: 'admin', user: 'test', via: 'cli' });
      expect(notManager.ok ? '' : notManager.error.message).toMatch(/needs a swarm manager.*not part of a swarm/);
    } finally {
      await t.dispose();
      await other.stop();
    }
  });
});
