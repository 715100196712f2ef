import { describe, expect, it } from 'vitest';
import type { EngineService } from './engine-types';
import { toSwarmService } from './summaries';

const service = (spec: Partial<EngineService['Spec']>, rest: Partial<EngineService> = {}): EngineService => ({
  ID: 'svc1',
  Version: { Index: 3 },
  Spec: { Name: 'api', TaskTemplate: { ContainerSpec: { Image: 'team/api:2@sha256:abc' } }, ...spec },
  ...rest,
});

// What the topology view draws from a service row: its networks (IDs, names, aliases), published ports and stack.
describe('toSwarmService: networks, ports and stack', () => {
  it('gives each network its ID, its name and the aliases the tasks get on it', () => {
    const names = new Map([['n-front', 'shop_front'], ['n-back', 'shop_back']]);
    const s = toSwarmService(
      service({ TaskTemplate: { Networks: [{ Target: 'n-front' }, { Target: 'n-back', Aliases: ['api', 'api-internal'] }] } }),
      names,
    );
    expect(s.networks).toEqual(['shop_front', 'shop_back']);
    expect(s.networkRefs).toEqual([
      { id: 'n-front', name: 'shop_front', aliases: [] },
      { id: 'n-back', name: 'shop_back', aliases: ['api', 'api-internal'] },
    ]);
  });

  it('keeps the ID as the name of a network the engine does not know, and reads the old Spec.Networks', () => {
    const s = toSwarmService(service({ Networks: [{ Target: 'gone-id', Aliases: ['db'] }] }), new Map());
    expect(s.networkRefs).toEqual([{ id: 'gone-id', name: 'gone-id', aliases: ['db'] }]);
    expect(s.networks).toEqual(['gone-id']);
  });

  it('has no networks when the spec names none', () => {
    expect(toSwarmService(service({}), new Map()).networkRefs).toEqual([]);
  });

  it('reads published ports from the endpoint (as the engine assigned them), else from the spec', () => {
    const spec = { EndpointSpec: { Ports: [{ TargetPort: 80, Protocol: 'tcp' as const }] } };
    const assigned = toSwarmService(
      service(spec, { Endpoint: { Ports: [{ TargetPort: 80, PublishedPort: 30001, Protocol: 'tcp', PublishMode: 'ingress' }] } }),
      new Map(),
    );
    expect(assigned.ports).toEqual([{ target: 80, published: 30001, protocol: 'tcp', mode: 'ingress' }]);
    const host = toSwarmService(service({ EndpointSpec: { Ports: [{ TargetPort: 53, PublishedPort: 5353, Protocol: 'udp', PublishMode: 'host' }] } }), new Map());
    expect(host.ports).toEqual([{ target: 53, published: 5353, protocol: 'udp', mode: 'host' }]);
    expect(toSwarmService(service(spec), new Map()).ports).toEqual([{ target: 80, protocol: 'tcp', mode: 'ingress' }]);
  });

  it('reads the stack from the stack label, and running/desired from the service status', () => {
    const s = toSwarmService(
      service({ Labels: { 'com.docker.stack.namespace': 'shop' }, Mode: { Global: {} } }, { ServiceStatus: { RunningTasks: 2, DesiredTasks: 3 } }),
      new Map(),
    );
    expect(s).toMatchObject({ stack: 'shop', mode: 'global', running: 2, desired: 3, image: 'team/api:2', imageDigest: 'sha256:abc' });
    expect(s.replicas).toBeUndefined();
    expect(toSwarmService(service({}), new Map()).stack).toBeUndefined();
  });
});
