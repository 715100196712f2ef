import { describe, expect, it } from 'vitest';
import type { EngineCheck } from '../../contract';
import { plainApiListeners, runEngineChecks, type EngineFacts } from './checks';
import { isLocalEngine } from './facts';

const facts = (over: Partial<EngineFacts> = {}, info: Partial<EngineFacts['info']> = {}): EngineFacts => ({
  connection: { endpoint: 'unix:///var/run/docker.sock' },
  icc: true,
  dataRoot: { sameFilesystemAsRoot: true, freeBytes: 25, totalBytes: 100 },
  ...over,
  info: {
    security: { rootless: false, userns: false, apparmor: false, selinux: false, seccomp: 'default', raw: [] },
    liveRestore: false,
    experimental: false,
    insecureRegistries: ['127.0.0.0/8'],
    warnings: [],
    swarm: { state: 'inactive', controlAvailable: false },
    dataRoot: '/var/lib/docker',
    debug: false,
    ...info,
  },
});

const check = (f: EngineFacts, id: string): EngineCheck => {
  const c = runEngineChecks(f).find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe('engine checks', () => {
  it('every check has a CIS id and version, and every failure or warning says how to fix it', () => {
    const all = runEngineChecks(facts({ connection: { endpoint: 'tcp://10.0.0.2:2375' }, icc: true }, { experimental: true, debug: true, insecureRegistries: ['reg.lan:5000'], security: { rootless: false, userns: false, apparmor: false, selinux: false, raw: [] } }));
    expect(all.every((c) => c.status === 'warn' || c.status === 'fail')).toBe(true);
    for (const c of all) {
      expect(c.benchmark?.version).toBe('CIS Docker Benchmark v1.7.0');
      expect(c.fix).toBeTruthy();
    }
  });

  it('TCP without TLS: how Berth connects, a listener the engine reports, unverified TLS, TLS and ssh', () => {
    expect(check(facts({ connection: { endpoint: 'tcp://10.0.0.2:2375' } }), 'engine.tcp-without-tls')).toMatchObject({ status: 'fail', severity: 'high' });
    const warning = 'WARNING: API is accessible on http://0.0.0.0:2375 without encryption.\n         Access to the remote API is equivalent to root access on the host.';
    expect(plainApiListeners([warning, 'WARNING: bridge-nf-call-iptables is disabled'])).toEqual(['http://0.0.0.0:2375']);
    expect(check(facts({}, { warnings: [warning] }), 'engine.tcp-without-tls').why).toContain('http://0.0.0.0:2375');
    expect(check(facts({ connection: { endpoint: 'tcp://h:2376', tls: { verify: false } } }), 'engine.tcp-without-tls').status).toBe('warn');
    expect(check(facts({ connection: { endpoint: 'tcp://h:2376', tls: { verify: true, ca: '/ca.pem' } } }), 'engine.tcp-without-tls').status).toBe('pass');
    expect(check(facts({ connection: { endpoint: 'ssh://me@h' } }), 'engine.tcp-without-tls').status).toBe('pass');
  });

  it('rootless or userns-remap pass (with the matching CIS id); neither warns', () => {
    const sec = { rootless: false, userns: false, apparmor: true, selinux: false, seccomp: 'default', raw: [] };
    expect(check(facts({}, { security: { ...sec, rootless: true } }), 'engine.user-namespaces')).toMatchObject({ status: 'pass', benchmark: { id: '2.1' } });
    expect(check(facts({}, { security: { ...sec, userns: true } }), 'engine.user-namespaces')).toMatchObject({ status: 'pass', benchmark: { id: '2.9' } });
    expect(check(facts({}, { security: sec }), 'engine.user-namespaces').status).toBe('warn');
  });

  it('seccomp: none or unconfined fails, default/builtin and a custom profile pass', () => {
    const sec = (seccomp?: string) => ({ rootless: false, userns: false, apparmor: false, selinux: false, raw: [], ...(seccomp ? { seccomp } : {}) });
    expect(check(facts({}, { security: sec() }), 'engine.seccomp').status).toBe('fail');
    expect(check(facts({}, { security: sec('unconfined') }), 'engine.seccomp').status).toBe('fail');
    expect(check(facts({}, { security: sec('builtin') }), 'engine.seccomp').status).toBe('pass');
    expect(check(facts({}, { security: sec('/etc/docker/seccomp.json') }), 'engine.seccomp').why).toContain('/etc/docker/seccomp.json');
  });

  it('live restore does not nag a swarm node (swarm mode cannot use it)', () => {
    expect(check(facts(), 'engine.live-restore').status).toBe('warn');
    expect(check(facts({}, { swarm: { state: 'active', controlAvailable: true } }), 'engine.live-restore').status).toBe('pass');
  });

  it("insecure registries ignore dockerd's own loopback default", () => {
    expect(check(facts(), 'engine.insecure-registries').status).toBe('pass');
    expect(check(facts({}, { insecureRegistries: ['127.0.0.0/8', 'reg.lan:5000'] }), 'engine.insecure-registries').why).toContain('reg.lan:5000');
  });

  it('no default bridge and an unread data root are unknown, with the reason', () => {
    expect(check(facts({ icc: undefined }), 'engine.icc').status).toBe('unknown');
    const f = facts({ dataRootUnknownReason: 'The engine is not on this machine (ssh://).' });
    delete f.dataRoot;
    expect(check(f, 'engine.data-root-partition')).toMatchObject({ status: 'unknown', why: 'The engine is not on this machine (ssh://).' });
    expect(check(facts({ dataRoot: { sameFilesystemAsRoot: false } }), 'engine.data-root-partition').status).toBe('pass');
    expect(check(facts(), 'engine.data-root-partition').why).toContain('25% free');
  });

  it('only a Unix socket on Linux that is not Docker Desktop counts as local', () => {
    expect(isLocalEngine('unix:///run/docker.sock', { os: 'Debian GNU/Linux 12' }, 'linux')).toBe(true);
    expect(isLocalEngine('unix:///home/me/.docker/desktop/docker.sock', { os: 'Docker Desktop' }, 'linux')).toBe(false);
    expect(isLocalEngine('unix:///var/run/docker.sock', { os: 'Docker Desktop' }, 'darwin')).toBe(false);
    expect(isLocalEngine('ssh://me@host', { os: 'Ubuntu' }, 'linux')).toBe(false);
  });
});
