import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dindContainerSpec, dindEndpointOf, dindNetworkSpec } from './dind-plan';

describe('docker-in-docker plan', () => {
  const spec = dindContainerSpec(
    'abc123',
    { index: 2, hostname: 'berth-node2', role: 'worker' },
    'docker:dind',
  );

  it('makes a privileged node with its own hostname on the cluster network, data on a named volume', () => {
    expect(spec).toMatchObject({
      name: 'berth-cluster-abc123-node2',
      Image: 'docker:dind',
      Hostname: 'berth-node2',
    });
    expect(spec.HostConfig).toMatchObject({
      Privileged: true,
      NetworkMode: 'berth-cluster-abc123',
      RestartPolicy: { Name: 'unless-stopped' },
    });
    expect(spec.HostConfig?.Mounts).toEqual([
      { Type: 'volume', Source: 'berth-cluster-abc123-node2-data', Target: '/var/lib/docker' },
    ]);
    expect(dindNetworkSpec('abc123')).toMatchObject({
      Name: 'berth-cluster-abc123',
      Labels: { 'io.berth.cluster': 'abc123' },
    });
  });

  it('publishes only the TLS API, only on 127.0.0.1', () => {
    expect(spec.Env).toEqual(['DOCKER_TLS_CERTDIR=/certs']);
    expect(spec.HostConfig?.PortBindings).toEqual({ '2376/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  });

  it('reads the endpoint and cluster address from the started container, or says what is missing', () => {
    const inspect = {
      Name: '/berth-cluster-abc123-node2',
      NetworkSettings: {
        Ports: { '2376/tcp': [{ HostIp: '127.0.0.1', HostPort: '49153' }] },
        Networks: { 'berth-cluster-abc123': { IPAddress: '172.20.0.3' } },
      },
    } as unknown as Dockerode.ContainerInspectInfo;
    expect(dindEndpointOf(inspect, 'berth-cluster-abc123')).toEqual({
      endpoint: 'tcp://127.0.0.1:49153',
      address: '172.20.0.3',
    });
    expect(() => dindEndpointOf(inspect, 'other')).toThrow(
      /berth-cluster-abc123-node2 has no published TLS port or no address on other/,
    );
  });
});
