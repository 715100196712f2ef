import { describe, expect, it } from 'vitest';
import { auditConfig, remedyChanges, securityRules, summarizeAudits, worstSeverity } from './index';
import type { AuditInput } from './types';

/** A container that satisfies every rule. */
const hardened = (): AuditInput => ({
  privileged: false,
  networkMode: 'bridge',
  pidMode: '',
  ipcMode: 'private',
  utsMode: '',
  mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: false }, { type: 'bind', source: '/srv/app/config', target: '/config', readOnly: true }],
  capAdd: ['NET_BIND_SERVICE'],
  capDrop: ['ALL'],
  securityOpt: ['no-new-privileges'],
  memory: 256 * 1024 * 1024,
  cpus: 0.5,
  pidsLimit: 100,
  user: '1000:1000',
  healthcheck: 'set',
  readOnlyRootfs: true,
  ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
  restartPolicy: { name: 'on-failure', maximumRetryCount: 5 },
  devices: [],
});

/** For each rule, the smallest change to the hardened container that must make it fire. */
const triggers: Record<string, Partial<AuditInput>> = {
  privileged: { privileged: true },
  'host-network': { networkMode: 'host' },
  'host-pid': { pidMode: 'host' },
  'host-ipc': { ipcMode: 'host' },
  'host-uts': { utsMode: 'host' },
  'docker-socket': { mounts: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true }] },
  'sensitive-mount': { mounts: [{ type: 'bind', source: '/etc', target: '/host-etc', readOnly: false }] },
  'added-capabilities': { capAdd: ['SYS_ADMIN'] },
  unconfined: { securityOpt: ['no-new-privileges', 'seccomp=unconfined'] },
  'no-new-privileges': { securityOpt: [] },
  devices: { devices: ['/dev/fuse'] },
  'memory-limit': { memory: 0 },
  'cpu-limit': { cpus: 0 },
  'pids-limit': { pidsLimit: -1 },
  'root-user': { user: '' },
  'no-healthcheck': { healthcheck: 'none' },
  'writable-rootfs': { readOnlyRootfs: false },
  'ports-all-interfaces': { ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] },
  'restart-unlimited': { restartPolicy: { name: 'always', maximumRetryCount: 0 } },
};

const ids = (input: AuditInput, dataRoot?: string) => auditConfig(input, { dataRoot }).map((f) => f.ruleId);

describe('security rules', () => {
  it('have unique ids, a CIS v1.6.0 recommendation number, a why and a fix', () => {
    expect(new Set(securityRules.map((r) => r.id)).size).toBe(securityRules.length);
    for (const r of securityRules) {
      expect(r.benchmark).toBe('CIS Docker Benchmark v1.6.0');
      expect(r.benchmarkId).toMatch(/^[45]\.\d+$/);
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(20);
    }
    expect(Object.keys(triggers).sort()).toEqual(securityRules.map((r) => r.id).sort());
  });

  it('stay silent on a hardened container', () => {
    expect(ids(hardened(), '/var/lib/docker')).toEqual([]);
  });

  for (const [ruleId, patch] of Object.entries(triggers)) {
    it(`${ruleId}: fires on its trigger alone`, () => {
      expect(ids({ ...hardened(), ...patch })).toEqual([ruleId]);
    });
  }

  it('stay silent on what the source does not know (a spec that leaves user and healthcheck to the image)', () => {
    expect(ids({ ...hardened(), user: undefined, healthcheck: undefined, memory: undefined })).toEqual([]);
  });

  it('count a group id alone (":1000"), uid 0 and root:root as root, and a named user as not root', () => {
    for (const user of [':1000', '0', 'root:root', '0:0']) expect(ids({ ...hardened(), user })).toEqual(['root-user']);
    expect(ids({ ...hardened(), user: 'nobody' })).toEqual([]);
  });

  it('treat the engine data root and its subfolders as sensitive, and a read-only /etc file as medium', () => {
    const data = { ...hardened(), mounts: [{ type: 'bind', source: '/srv/docker/volumes/x', target: '/x', readOnly: false }] };
    expect(ids(data)).toEqual([]);
    expect(ids(data, '/srv/docker/')).toEqual(['sensitive-mount']);
    const localtime = auditConfig({ ...hardened(), mounts: [{ type: 'bind', source: '/etc/localtime', target: '/etc/localtime', readOnly: true }] });
    expect(localtime).toMatchObject([{ ruleId: 'sensitive-mount', severity: 'medium', message: 'Binds /etc/localtime (read-only) from the host.' }]);
    expect(ids({ ...hardened(), mounts: [{ type: 'bind', source: '/', target: '/host', readOnly: true }] })).toEqual(['sensitive-mount']);
    expect(ids({ ...hardened(), mounts: [{ type: 'bind', source: '/etcetera', target: '/x', readOnly: true }] })).toEqual([]);
  });

  it("ignore default capabilities and ones dropped again; rate host-level ones high and others medium", () => {
    expect(ids({ ...hardened(), capAdd: ['CHOWN', 'CAP_NET_RAW'] })).toEqual([]);
    expect(ids({ ...hardened(), capAdd: ['NET_ADMIN'], capDrop: ['NET_ADMIN'] })).toEqual([]);
    const [net] = auditConfig({ ...hardened(), capAdd: ['cap_net_admin'] });
    expect(net).toMatchObject({ severity: 'medium', message: 'Adds NET_ADMIN.', remedy: { changes: { dropAddedCapabilities: ['NET_ADMIN'] } } });
  });

  it('accept no-new-privileges in every spelling docker takes', () => {
    for (const opt of ['no-new-privileges', 'no-new-privileges:true', 'no-new-privileges=true']) expect(ids({ ...hardened(), securityOpt: [opt] })).toEqual([]);
    expect(ids({ ...hardened(), securityOpt: ['no-new-privileges:false'] })).toEqual(['no-new-privileges']);
  });

  it('count on-failure without a retry count as unlimited, and no policy as fine', () => {
    expect(ids({ ...hardened(), restartPolicy: { name: 'on-failure', maximumRetryCount: 0 } })).toEqual(['restart-unlimited']);
    expect(ids({ ...hardened(), restartPolicy: { name: 'no' } })).toEqual([]);
    expect(ids({ ...hardened(), restartPolicy: undefined })).toEqual([]);
  });

  it('offer one-click remedies only where Berth may recreate the container', () => {
    const risky = { ...hardened(), securityOpt: [], memory: 0, readOnlyRootfs: false };
    const remedies = auditConfig(risky).map((f) => f.remedy);
    expect(remedies.every((r) => r !== undefined)).toBe(true);
    expect(auditConfig({ ...risky, managedBySwarm: true }).map((f) => f.remedy)).toEqual([undefined, undefined, undefined]);
    expect(auditConfig({ ...risky, autoRemove: true }).every((f) => f.remedy === undefined)).toBe(true);
    const memory = auditConfig(risky).find((f) => f.ruleId === 'memory-limit')?.remedy;
    expect(memory && remedyChanges(memory, 1024 ** 3)).toEqual({ memory: 1024 ** 3 });
    expect(memory && remedyChanges(memory)).toEqual({ memory: 512 * 1024 * 1024 });
  });

  it('rebind every published port to 127.0.0.1 once, keeping the ones already bound', () => {
    const input = { ...hardened(), ports: [
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' as const },
      { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' as const },
      { hostIp: '', containerPort: 53, protocol: 'udp' as const },
      { hostIp: '127.0.0.1', hostPort: 9000, containerPort: 9000, protocol: 'tcp' as const },
    ] };
    const [f] = auditConfig(input);
    expect(f?.message).toBe('Publishes 8080/tcp, (any)/udp on every interface.');
    expect(f?.remedy && 'changes' in f.remedy ? f.remedy.changes.ports : undefined).toEqual([
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
      { hostIp: '127.0.0.1', hostPort: 9000, containerPort: 9000, protocol: 'tcp' },
    ]);
  });

  it('sort findings most severe first and summarize per severity, project and service', () => {
    const findings = auditConfig({ ...hardened(), privileged: true, healthcheck: 'none', securityOpt: [] });
    expect(findings.map((f) => f.severity)).toEqual(['high', 'medium', 'low']);
    expect(worstSeverity(findings)).toBe('high');
    expect(worstSeverity([])).toBeUndefined();
    const summary = summarizeAudits([
      { id: 'a', name: 'a', image: 'x', state: 'running', project: 'shop', service: 'web', findings },
      { id: 'b', name: 'b', image: 'x', state: 'running', swarmService: 'api', findings: findings.slice(2) },
      { id: 'c', name: 'c', image: 'x', state: 'exited', findings: [] },
    ]);
    expect(summary).toMatchObject({ containers: 3, affected: 2, bySeverity: { high: 1, medium: 1, low: 2 }, byRule: { 'no-healthcheck': 2, privileged: 1 } });
    expect(summary.projects).toEqual({ shop: { containers: 1, bySeverity: { high: 1, medium: 1, low: 1 } } });
    expect(summary.services).toEqual({ api: { containers: 1, bySeverity: { high: 0, medium: 0, low: 1 } } });
  });
});
