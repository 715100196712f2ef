import { describe, expect, it } from 'vitest';
import { auditConfig, auditInputFromCompose, auditInputFromInspect, auditInputFromSpec, composePort } from './index';

const ruleIds = (input: Parameters<typeof auditConfig>[0]) => auditConfig(input).map((f) => f.ruleId).sort();

describe('normalizing the three sources', () => {
  it('reads Engine inspect data (image defaults merged, PortBindings, NanoCpus or quota, swarm label)', () => {
    const input = auditInputFromInspect({
      AppArmorProfile: 'docker-default',
      Config: { User: '', Healthcheck: { Test: ['NONE'] }, Labels: { 'com.docker.swarm.service.id': 'x' } },
      HostConfig: {
        Privileged: false, NetworkMode: 'host', PidMode: '', IpcMode: 'private', UTSMode: '', CapAdd: null, CapDrop: null,
        SecurityOpt: null, Memory: 0, NanoCpus: 0, CpuQuota: 50_000, CpuPeriod: 100_000, PidsLimit: null, ReadonlyRootfs: false,
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
        RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, Devices: [{ PathOnHost: '/dev/kvm' }], AutoRemove: false,
      },
      Mounts: [{ Type: 'bind', Source: '/run/docker.sock', Destination: '/var/run/docker.sock', RW: true }],
    });
    expect(input).toMatchObject({ cpus: 0.5, healthcheck: 'disabled', user: '', devices: ['/dev/kvm'], managedBySwarm: true, appArmorUnconfined: false });
    expect(input.ports).toEqual([
      { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
    ]);
    expect(ruleIds(input)).toEqual(['devices', 'docker-socket', 'host-network', 'memory-limit', 'no-healthcheck', 'no-new-privileges', 'pids-limit', 'ports-all-interfaces', 'restart-unlimited', 'root-user', 'writable-rootfs']);
  });

  it('reads a create spec, leaving what the image decides unknown', () => {
    const input = auditInputFromSpec({ image: 'busybox', privileged: true, capAdd: ['NET_ADMIN'], volumes: [{ type: 'bind', source: '/', target: '/host', readOnly: true }], ports: [{ containerPort: 80 }], network: 'host' });
    expect(input).toMatchObject({ user: undefined, healthcheck: undefined, securityOpt: [] });
    expect(ruleIds(input)).toEqual(['added-capabilities', 'cpu-limit', 'host-network', 'memory-limit', 'no-new-privileges', 'pids-limit', 'ports-all-interfaces', 'privileged', 'sensitive-mount', 'writable-rootfs']);
  });

  it('reads a compose service in short and long syntax', () => {
    const risky = auditInputFromCompose({
      image: 'x', privileged: true, pid: 'host', ipc: 'host', uts: 'host', user: 'root', restart: 'always',
      volumes: ['/var/run/docker.sock:/var/run/docker.sock:ro', 'data:/data', { type: 'bind', source: '/proc', target: '/p' }],
      cap_add: ['SYS_MODULE'], security_opt: ['apparmor:unconfined'], ports: ['8080:80', { target: 443, published: '8443', host_ip: '0.0.0.0' }],
      devices: ['/dev/sda:/dev/sda'], healthcheck: { disable: true },
    });
    expect(ruleIds(risky)).toEqual(['added-capabilities', 'cpu-limit', 'devices', 'docker-socket', 'host-ipc', 'host-pid', 'host-uts', 'memory-limit', 'no-healthcheck', 'no-new-privileges', 'pids-limit', 'ports-all-interfaces', 'privileged', 'restart-unlimited', 'root-user', 'sensitive-mount', 'writable-rootfs']);
    // Privileged mode already drops confinement: the unconfined rule speaks only for unprivileged containers.
    expect(ruleIds({ ...risky, privileged: false })).toContain('unconfined');
    const hardened = auditInputFromCompose({
      image: 'x', user: '1000', read_only: true, security_opt: ['no-new-privileges:true'], healthcheck: { test: ['CMD', 'true'] },
      deploy: { resources: { limits: { memory: '256m', cpus: '0.5', pids: 100 } }, restart_policy: { condition: 'on-failure', max_attempts: 3 } },
      ports: ['127.0.0.1:8080:80', '[::1]:9090:90/udp'], volumes: ['./conf:/conf:ro'],
    });
    expect(ruleIds(hardened)).toEqual([]);
    expect(auditInputFromCompose({ mem_limit: '${MEM}' }).memory).toBe(0);
  });

  it('parses compose port short forms', () => {
    expect(composePort('80')).toEqual({ hostIp: '', hostPort: undefined, containerPort: 80, protocol: 'tcp' });
    expect(composePort('8000-8010:80-90/udp')).toEqual({ hostIp: '', hostPort: 8000, containerPort: 80, protocol: 'udp' });
    expect(composePort('[::1]:9090:90')).toEqual({ hostIp: '::1', hostPort: 9090, containerPort: 90, protocol: 'tcp' });
    expect(composePort('${PORT}:80')).toEqual({ hostIp: '', hostPort: undefined, containerPort: 80, protocol: 'tcp' });
    expect(composePort('nonsense')).toBeUndefined();
  });
});
