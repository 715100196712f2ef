import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import { remedyChanges, securityRules, type ContainerAudit, type ContainerRecreated, type SecuritySummary } from '../../contract';
import { call, startBackend } from '../testing/backend';
import { recordingProxy } from '../testing/recording-proxy';
import { useEngineBackend } from '../testing/use-engine-backend';

const run = promisify(execFile);
const env = useEngineBackend();
const docker = async (...args: string[]) => (await run('docker', ['-H', env.engine.endpoint, ...args])).stdout.trim();
const list = () => call<ContainerAudit[]>(env.t.backend, 'security.list');

/** Every rule satisfied: a non-root user, read-only root, limits, healthcheck, no-new-privileges, loopback port. */
const HARDENED = ['--user', '1000:1000', '--read-only', '--security-opt', 'no-new-privileges', '--memory', '64m', '--cpus', '0.5', '--pids-limit', '64', '--health-cmd', 'true', '--restart', 'on-failure:3', '-p', '127.0.0.1::80', '--cap-drop', 'ALL'];

/** Flags to drop from the hardened set (by their flag) and flags to add, per rule. */
const triggers: Record<string, { without?: string[]; add?: string[] | ((e: typeof env) => Promise<string[]>) }> = {
  privileged: { add: ['--privileged'] },
  'host-network': { without: ['-p'], add: ['--network', 'host'] },
  'host-pid': { add: ['--pid', 'host'] },
  'host-ipc': { add: ['--ipc', 'host'] },
  'host-uts': { add: ['--uts', 'host'] },
  'docker-socket': { add: (e) => Promise.resolve(['--mount', `type=bind,source=${e.engine.socketPath},target=/var/run/docker.sock`]) },
  'sensitive-mount': { add: async () => ['-v', `${await docker('info', '-f', '{{.DockerRootDir}}')}/volumes:/engine-volumes:ro`] },
  'added-capabilities': { add: ['--cap-add', 'SYS_ADMIN'] },
  unconfined: { add: ['--security-opt', 'seccomp=unconfined'] },
  'no-new-privileges': { without: ['--security-opt'] },
  devices: { add: ['--device', '/dev/null:/dev/extra-null'] },
  'memory-limit': { without: ['--memory'] },
  'cpu-limit': { without: ['--cpus'] },
  'pids-limit': { without: ['--pids-limit'] },
  'root-user': { without: ['--user'] },
  'no-healthcheck': { without: ['--health-cmd'] },
  'writable-rootfs': { without: ['--read-only'] },
  'ports-all-interfaces': { without: ['-p'], add: ['-p', '80'] },
  'restart-unlimited': { without: ['--restart'], add: ['--restart', 'always'] },
};

/** The hardened flags minus the named flags (each with its value; --read-only has none). */
function hardenedWithout(flags: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < HARDENED.length; i++) {
    const flag = HARDENED[i] ?? '';
    const hasValue = flag !== '--read-only';
    if (!flags.includes(flag)) out.push(flag, ...(hasValue ? [HARDENED[i + 1] ?? ''] : []));
    if (hasValue) i++;
  }
  return out;
}

const findingsOf = (audits: ContainerAudit[], name: string) => audits.find((a) => a.name === name)?.findings ?? [];

describe('security lens against a real engine', () => {
  it('fires each rule on a real container made to trigger it and stays silent on a hardened one', async () => {
    expect(Object.keys(triggers).sort()).toEqual(securityRules.map((r) => r.id).sort());
    await docker('create', '--name', 'hardened', '-e', 'API_TOKEN=hunter2-secret', ...HARDENED, TEST_IMAGE, 'sleep', '600');
    for (const [ruleId, t] of Object.entries(triggers)) {
      const add = typeof t.add === 'function' ? await t.add(env) : (t.add ?? []);
      await docker('create', '--name', `trigger-${ruleId}`, ...hardenedWithout(t.without ?? []), ...add, TEST_IMAGE, 'sleep', '600');
    }
    const audits = await list();
    expect(findingsOf(audits, 'hardened')).toEqual([]);
    for (const ruleId of Object.keys(triggers)) {
      expect({ ruleId, fired: findingsOf(audits, `trigger-${ruleId}`).map((f) => f.ruleId) }).toEqual({ ruleId, fired: [ruleId] });
    }
    // Findings name settings, never environment values.
    expect(JSON.stringify(audits)).not.toContain('hunter2');
    const summary = await call<SecuritySummary>(env.t.backend, 'security.summary');
    expect(summary).toMatchObject({ containers: audits.length, affected: Object.keys(triggers).length });
    expect(summary.byRule).toMatchObject({ privileged: 1, 'docker-socket': 1 });
  });

  it('groups by compose project and swarm-less service labels', async () => {
    await docker('create', '--name', 'shop-web-1', '--label', 'com.docker.compose.project=shop', '--label', 'com.docker.compose.service=web', '--privileged', TEST_IMAGE, 'sleep', '600');
    const shop = (await list()).find((a) => a.name === 'shop-web-1');
    expect(shop).toMatchObject({ project: 'shop', service: 'web', state: 'created' });
    const summary = await call<SecuritySummary>(env.t.backend, 'security.summary');
    expect(summary.projects.shop?.bySeverity.high).toBeGreaterThanOrEqual(1);
  });

  it('re-audits only the container an event names, and a one-click recreate clears its finding', async () => {
    await list();
    let from = Date.now();
    // Created, not started: this machine's runc cannot start a privileged container (no such capabilities to give).
    const id = await docker('create', '--name', 'fixme', '--privileged', '--restart', 'always', '--cap-add', 'NET_ADMIN', '-p', '8080', TEST_IMAGE, 'sleep', '600');
    const added = await env.t.log.waitFor('security.changed', (p) => p.kind === 'patch' && p.upserts.some((a) => a.id === id), { from, timeoutMs: 5_000 });
    const audit = added.payload.kind === 'patch' ? added.payload.upserts.find((a) => a.id === id) : undefined;
    expect(audit?.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['privileged', 'no-new-privileges', 'restart-unlimited', 'added-capabilities']));
    // One patch for this container only: the others were not inspected again.
    expect(added.payload.kind === 'patch' && added.payload.upserts.map((a) => a.id)).toEqual([id]);

    let current = id;
    for (const ruleId of ['no-new-privileges', 'restart-unlimited', 'added-capabilities', 'memory-limit', 'writable-rootfs', 'ports-all-interfaces']) {
      const finding = (await list()).find((a) => a.id === current)?.findings.find((f) => f.ruleId === ruleId);
      expect(finding?.remedy, ruleId).toBeDefined();
      from = Date.now();
      const made = await call<ContainerRecreated>(env.t.backend, 'containers.recreate', { id: current, changes: remedyChanges(finding!.remedy!, 128 * 1024 * 1024) });
      const patch = await env.t.log.waitFor('security.changed', (p) => p.kind === 'patch' && p.upserts.some((a) => a.id === made.id), { from, timeoutMs: 5_000 });
      const after = patch.payload.kind === 'patch' ? patch.payload.upserts.find((a) => a.id === made.id) : undefined;
      expect(after?.findings.map((f) => f.ruleId)).not.toContain(ruleId);
      expect(after?.findings.map((f) => f.ruleId)).toContain('privileged');
      current = made.id;
    }
    expect(await docker('inspect', '-f', '{{json .HostConfig.SecurityOpt}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{json .HostConfig.CapAdd}} {{.HostConfig.Memory}}', 'fixme')).toBe(
      // The engine adds label=disable to a privileged container's options itself.
      '["label=disable","no-new-privileges"] on-failure:5 [] 134217728',
    );
    expect(await docker('inspect', '-f', '{{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.PortBindings}}', 'fixme')).toBe('true {"8080/tcp":[{"HostIp":"127.0.0.1","HostPort":""}]}');
    expect((await list()).some((a) => a.id === id)).toBe(false);
  });
});

describe('security lens costs', () => {
  it('inspects each container once, answers again from its cache, and re-inspects only what an event names', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `cost-${i}`);
    for (const name of names) await docker('create', '--name', name, TEST_IMAGE, 'sleep', '600');
    const total = (await docker('ps', '-aq')).split('\n').length;
    const proxy = await recordingProxy(env.engine.socketPath);
    const inspects = () => proxy.requests.filter((r) => /\/containers\/[0-9a-f]{64}\/json/.test(r)).length;
    // A one-shot backend (what `berth audit` uses): the first list inspects every container, the next none.
    const oneShot = await startBackend(proxy.endpoint, { liveCollections: false });
    let live: Awaited<ReturnType<typeof startBackend>> | undefined;
    try {
      await oneShot.log.status('connected');
      let before = inspects();
      let started = performance.now();
      await call<ContainerAudit[]>(oneShot.backend, 'security.list');
      const cold = performance.now() - started;
      expect(inspects() - before).toBe(total);
      before = inspects();
      started = performance.now();
      await call<ContainerAudit[]>(oneShot.backend, 'security.list');
      const warm = performance.now() - started;
      expect(inspects() - before).toBe(0);
      console.info(`[security] security.list over ${total} containers: ${cold.toFixed(0)} ms cold (${total} inspects), ${warm.toFixed(0)} ms cached (0 inspects)`);

      // A live backend: after its first full audit, an update event re-inspects that one container only.
      live = await startBackend(proxy.endpoint);
      await live.log.waitFor('security.changed', (p) => p.kind === 'reset' && p.items.length === total, { timeoutMs: 10_000 });
      before = inspects();
      const from = Date.now();
      await docker('update', '--memory', '64m', '--memory-swap', '64m', 'cost-7');
      const patch = await live.log.waitFor('security.changed', (p) => p.kind === 'patch' && p.upserts.some((a) => a.name === 'cost-7'), { from, timeoutMs: 5_000 });
      expect(patch.payload.kind === 'patch' && patch.payload.upserts.map((a) => a.name)).toEqual(['cost-7']);
      expect(patch.payload.kind === 'patch' && patch.payload.upserts[0]?.findings.map((f) => f.ruleId)).not.toContain('memory-limit');
      expect(inspects() - before).toBe(1);
    } finally {
      await live?.dispose();
      await oneShot.dispose();
      await proxy.close();
    }
  });
});
