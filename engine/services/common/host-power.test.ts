import { runAsCaller } from '../../base/caller-scope';
import { checkHostPower, hostPowerOf, serviceHostPowerOf } from './host-power';

describe('host power of what a file resolves to', () => {
  it('names what gives a container power over the host, and nothing for named volumes', () => {
    expect(hostPowerOf({ HostConfig: { Privileged: true } })).toBe('runs privileged');
    expect(hostPowerOf({ HostConfig: { CapAdd: ['SYS_ADMIN'] } })).toBe('adds capabilities (SYS_ADMIN)');
    expect(hostPowerOf({ HostConfig: { NetworkMode: 'container:db' } })).toBe("uses another container's network");
    expect(hostPowerOf({ HostConfig: { IpcMode: 'host' } })).toBe("shares the host's IPC namespace");
    expect(hostPowerOf({ HostConfig: { Devices: [{ PathOnHost: '/dev/kvm', PathInContainer: '/dev/kvm', CgroupPermissions: 'rwm' }] } })).toBe('maps host devices');
    expect(hostPowerOf({ HostConfig: { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] } })).toBe('bind-mounts /var/run/docker.sock from the host');
    expect(hostPowerOf({ HostConfig: { Mounts: [{ Type: 'bind', Source: '/', Target: '/host' }] } })).toBe('bind-mounts / from the host');
    expect(hostPowerOf({ HostConfig: { Binds: ['data:/data'], Mounts: [{ Type: 'volume', Source: 'v', Target: '/v' }], NetworkMode: 'app_default' } })).toBeUndefined();
  });

  it('does the same for swarm service specs', () => {
    expect(serviceHostPowerOf({ Name: 's', TaskTemplate: { ContainerSpec: { Mounts: [{ Type: 'bind', Source: '/etc', Target: '/e' }] } } })).toBe('bind-mounts /etc from the host');
    expect(serviceHostPowerOf({ Name: 's', TaskTemplate: { ContainerSpec: { CapabilityAdd: ['NET_ADMIN'] } } })).toBe('adds capabilities (NET_ADMIN)');
    expect(serviceHostPowerOf({ Name: 's', TaskTemplate: { Networks: [{ Target: 'host' }] } })).toBe("uses the host's network");
    expect(serviceHostPowerOf({ Name: 's', TaskTemplate: { ContainerSpec: { Mounts: [{ Type: 'volume', Source: 'v', Target: '/v' }] } } })).toBeUndefined();
  });

  it('refuses host power only to callers below admin', () => {
    const check = () => checkHostPower('container app-1', 'runs privileged');
    expect(() => runAsCaller({ role: 'operator', user: 'olga', via: 'web' }, check)).toThrow(/Your role \(operator\) may not create container app-1: it runs privileged/);
    expect(() => runAsCaller({ role: 'admin', user: 'root', via: 'web' }, check)).not.toThrow();
    expect(() => runAsCaller({ role: 'operator', user: 'olga', via: 'web' }, () => checkHostPower('container app-1', undefined))).not.toThrow();
  });
});
