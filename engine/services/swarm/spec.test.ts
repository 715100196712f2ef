import { describe, expect, it } from 'vitest';
import { swarmServiceSpecSchema } from '../../contract/methods/swarm-service-spec';
import { fromEngineSpec, mergeServiceSpec, toEngineSpec } from './spec';

const full = swarmServiceSpecSchema.parse({
  name: 'api',
  image: 'registry.local:5000/team/api:1',
  replicas: 3,
  entrypoint: ['/bin/sh'],
  command: ['-c', 'serve'],
  env: ['A=1', 'B=two'],
  workdir: '/srv',
  user: '1000:1000',
  hostname: 'api',
  labels: { 'com.docker.stack.namespace': 'shop' },
  containerLabels: { tier: 'back' },
  ports: [{ target: 80, published: 8080, mode: 'host' }, { target: 53, protocol: 'udp' }],
  mounts: [{ type: 'volume', source: 'data', target: '/data' }, { type: 'tmpfs', target: '/tmp', readOnly: true }],
  networks: [{ target: 'backend', aliases: ['api'] }],
  constraints: ['node.role==worker'],
  preferences: [{ spread: 'node.labels.zone' }],
  maxReplicasPerNode: 2,
  limits: { cpus: 0.5, memoryBytes: 64 * 1024 * 1024 },
  reservations: { cpus: 0.25 },
  restartPolicy: { condition: 'on-failure', delaySeconds: 5, maxAttempts: 3, windowSeconds: 60 },
  updateConfig: { parallelism: 2, delaySeconds: 10, failureAction: 'rollback', monitorSeconds: 5, maxFailureRatio: 0.2, order: 'start-first' },
  rollbackConfig: { parallelism: 1 },
  healthcheck: { test: ['CMD', 'true'], interval: 2, timeout: 1, startPeriod: 3, retries: 4 },
  secrets: [{ secret: 'db-pass' }, { secret: 'tls', target: 'cert.pem', mode: 0o400 }],
  configs: [{ config: 'nginx', target: '/etc/nginx.conf' }],
});

describe('service spec mapping', () => {
  it('maps the form to the engine spec in its units (ns, NanoCPUs) with secret IDs', () => {
    const e = toEngineSpec(full, { secrets: new Map([['db-pass', 'S1'], ['tls', 'S2']]), configs: new Map([['nginx', 'C1']]) });
    expect(e.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(e.TaskTemplate?.ContainerSpec).toMatchObject({ Command: ['/bin/sh'], Args: ['-c', 'serve'], Dir: '/srv' });
    expect(e.TaskTemplate?.Resources).toEqual({ Limits: { NanoCPUs: 5e8, MemoryBytes: 67108864 }, Reservations: { NanoCPUs: 2.5e8 } });
    expect(e.TaskTemplate?.RestartPolicy).toEqual({ Condition: 'on-failure', Delay: 5e9, MaxAttempts: 3, Window: 60e9 });
    expect(e.UpdateConfig).toMatchObject({ Delay: 10e9, Monitor: 5e9, Order: 'start-first' });
    expect(e.EndpointSpec?.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' },
      { Protocol: 'udp', TargetPort: 53, PublishMode: 'ingress' },
    ]);
    expect(e.TaskTemplate?.ContainerSpec?.Secrets?.[0]).toEqual({ File: { Name: 'db-pass', UID: '0', GID: '0', Mode: 0o444 }, SecretID: 'S1', SecretName: 'db-pass' });
    expect(e.TaskTemplate?.Placement?.Preferences).toEqual([{ Spread: { SpreadDescriptor: 'node.labels.zone' } }]);
  });

  it('round-trips form → engine → form', () => {
    const back = fromEngineSpec(JSON.parse(JSON.stringify(toEngineSpec(full))) as ReturnType<typeof toEngineSpec>);
    expect(back).toEqual(full);
  });

  it('round-trips a minimal global service', () => {
    const min = swarmServiceSpecSchema.parse({ name: 'agent', image: 'agent:1', mode: 'global' });
    expect(fromEngineSpec(JSON.parse(JSON.stringify(toEngineSpec(min))) as ReturnType<typeof toEngineSpec>)).toEqual(min);
  });

  it('keeps what the form does not know on update, and drops what the form removed', () => {
    const current = toEngineSpec(full);
    current.TaskTemplate!.ContainerSpec!.StopSignal = 'SIGINT';
    current.TaskTemplate!.ContainerSpec!.Mounts![0]!.VolumeOptions = { DriverConfig: { Name: 'local' } };
    current.TaskTemplate!.LogDriver = { Name: 'json-file' };
    current.TaskTemplate!.ForceUpdate = 4;
    current.TaskTemplate!.Placement!.Platforms = [{ OS: 'linux' }];
    const edited = toEngineSpec({ ...full, env: ['A=2'], healthcheck: undefined, limits: undefined });
    const merged = mergeServiceSpec(current, edited);
    const c = merged.TaskTemplate!.ContainerSpec!;
    expect(c.Env).toEqual(['A=2']);
    expect(c.StopSignal).toBe('SIGINT');
    expect(c.HealthCheck).toBeUndefined();
    expect(c.Mounts![0]!.VolumeOptions).toEqual({ DriverConfig: { Name: 'local' } });
    expect(merged.TaskTemplate!.LogDriver).toEqual({ Name: 'json-file' });
    expect(merged.TaskTemplate!.ForceUpdate).toBe(4);
    expect(merged.TaskTemplate!.Placement!.Platforms).toEqual([{ OS: 'linux' }]);
    expect(merged.TaskTemplate!.Resources).toEqual({ Reservations: { NanoCPUs: 2.5e8 } });
  });
});
