import { describe, expect, it } from 'vitest';
import { loadStack } from './source';

const plan = async (content: string, env: Record<string, string> = {}) => (await loadStack('shop', { content, env })).plan;
const only = async (body: string) => {
  const p = await plan(`services:\n  web:\n    image: nginx:1\n${body}`);
  const s = p.services[0];
  if (!s) throw new Error('no service');
  return { spec: s.spec, cs: s.spec.TaskTemplate?.ContainerSpec ?? {}, task: s.spec.TaskTemplate ?? {}, warnings: p.warnings };
};
const NS = { 'com.docker.stack.namespace': 'shop' };

describe('compose service → swarm ServiceSpec, field by field', () => {
  it('names the service <stack>_<svc>, labels it, keeps the image as written and gives the default overlay network', async () => {
    const p = await plan('services:\n  web:\n    image: nginx:1\n    labels: {a: "1"}\n    deploy: {labels: {b: "2"}}\n');
    const web = p.services[0]?.spec;
    expect(web?.Name).toBe('shop_web');
    expect(web?.Labels).toEqual({ b: '2', ...NS, 'com.docker.stack.image': 'nginx:1' });
    expect(web?.TaskTemplate?.ContainerSpec?.Labels).toEqual({ a: '1', ...NS });
    expect(web?.TaskTemplate?.ContainerSpec?.Image).toBe('nginx:1');
    expect(web?.TaskTemplate?.Networks).toEqual([{ Target: 'shop_default', Aliases: ['web'] }]);
    expect(p.networks).toEqual([{ key: 'default', name: 'shop_default', external: false, create: { Name: 'shop_default', Driver: 'overlay', Labels: NS, Scope: 'swarm' } }]);
  });

  it('maps command/entrypoint (shell words), environment (sorted, unset left out), user, dir, hostname, tty, stdin, init, read_only', async () => {
    const { cs } = await only('    entrypoint: /bin/sh -c\n    command: ["echo", "a b"]\n    environment: {B: "2", A: "1", UNSET: null}\n    user: "1000"\n    working_dir: /app\n    hostname: h1\n    tty: true\n    stdin_open: true\n    init: true\n    read_only: true\n');
    expect(cs).toMatchObject({ Command: ['/bin/sh', '-c'], Args: ['echo', 'a b'], Env: ['A=1', 'B=2'], User: '1000', Dir: '/app', Hostname: 'h1', TTY: true, OpenStdin: true, Init: true, ReadOnly: true });
  });

  it('maps ports: short and long syntax, ingress and host mode', async () => {
    const { spec } = await only('    ports: ["8080:80", "53:53/udp", {target: 9000, published: 9001, mode: host}, "7000"]\n');
    expect(spec.EndpointSpec?.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 9000, PublishedPort: 9001, PublishMode: 'host' },
      { Protocol: 'tcp', TargetPort: 7000, PublishMode: 'ingress' },
    ]);
  });

  it('maps volumes: named volumes get the stack prefix and label, binds and tmpfs stay as they are', async () => {
    const p = await plan('services:\n  db:\n    image: pg\n    volumes: ["data:/var/lib/db:ro", "/srv:/srv", {type: tmpfs, target: /tmp, tmpfs: {size: 1m}}, "/anon"]\nvolumes:\n  data: {driver: local, labels: {keep: "yes"}}\n');
    expect(p.services[0]?.spec.TaskTemplate?.ContainerSpec?.Mounts).toEqual([
      { Type: 'volume', Source: 'shop_data', Target: '/var/lib/db', ReadOnly: true, VolumeOptions: { Labels: { keep: 'yes', ...NS }, DriverConfig: { Name: 'local' } } },
      { Type: 'bind', Source: '/srv', Target: '/srv' },
      { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 1024 * 1024 } },
      { Type: 'volume', Target: '/anon' },
    ]);
  });

  it('maps networks with aliases, external networks by their own name', async () => {
    const p = await plan('services:\n  web:\n    image: x\n    networks:\n      front: {aliases: [www]}\n      outside: {}\nnetworks:\n  front: {attachable: true, driver_opts: {encrypted: ""}}\n  outside: {external: true, name: proxy}\n');
    expect(p.services[0]?.spec.TaskTemplate?.Networks).toEqual([
      { Target: 'shop_front', Aliases: ['web', 'www'] },
      { Target: 'proxy', Aliases: ['web'] },
    ]);
    expect(p.networks.find((n) => n.key === 'front')?.create).toMatchObject({ Name: 'shop_front', Driver: 'overlay', Attachable: true, Options: { encrypted: '' } });
    expect(p.networks.find((n) => n.key === 'outside')).toEqual({ key: 'outside', name: 'proxy', external: true });
  });

  it('maps deploy: mode, replicas, resources, placement, update/rollback config, restart policy, endpoint mode', async () => {
    const { spec, task } = await only(
      '    deploy:\n      replicas: 3\n      endpoint_mode: dnsrr\n      resources:\n        limits: {cpus: "0.5", memory: 64M, pids: 100}\n        reservations: {cpus: "0.25", memory: 32M}\n      placement:\n        constraints: [node.role==worker]\n        preferences: [{spread: node.labels.zone}]\n        max_replicas_per_node: 2\n      update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 5s, max_failure_ratio: 0.1, order: start-first}\n      rollback_config: {parallelism: 1}\n      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 1m}\n',
    );
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(spec.EndpointSpec).toEqual({ Mode: 'dnsrr' });
    expect(task.Resources).toEqual({ Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 ** 2, Pids: 100 }, Reservations: { NanoCPUs: 2.5e8, MemoryBytes: 32 * 1024 ** 2 } });
    expect(task.Placement).toEqual({ Constraints: ['node.role==worker'], Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }], MaxReplicas: 2 });
    expect(spec.UpdateConfig).toEqual({ Parallelism: 2, Delay: 10e9, FailureAction: 'rollback', Monitor: 5e9, MaxFailureRatio: 0.1, Order: 'start-first' });
    expect(spec.RollbackConfig).toEqual({ Parallelism: 1 });
    expect(task.RestartPolicy).toEqual({ Condition: 'on-failure', Delay: 5e9, MaxAttempts: 3, Window: 60e9 });
  });

  it('maps global mode and jobs', async () => {
    expect((await only('    deploy: {mode: global}\n')).spec.Mode).toEqual({ Global: {} });
    expect((await only('    deploy: {mode: replicated-job, replicas: 2}\n')).spec.Mode).toEqual({ ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 2 } });
  });

  it('maps restart: to a restart policy like the CLI, and says so', async () => {
    const { task, warnings } = await only('    restart: on-failure:4\n');
    expect(task.RestartPolicy).toEqual({ Condition: 'on-failure', MaxAttempts: 4 });
    expect(warnings.some((w) => w.includes('restart "on-failure:4" is mapped to deploy.restart_policy.condition "on-failure"'))).toBe(true);
    expect((await only('    restart: unless-stopped\n')).task.RestartPolicy).toEqual({ Condition: 'any' });
  });

  it('maps healthcheck, stop_grace_period/signal, sysctls, ulimits, dns, extra_hosts, cap_add/drop, logging', async () => {
    const { cs, task } = await only(
      '    healthcheck: {test: ["CMD", "true"], interval: 10s, timeout: 2s, retries: 3, start_period: 1s}\n    stop_grace_period: 30s\n    stop_signal: SIGINT\n    sysctls: {net.core.somaxconn: 1024}\n    ulimits: {nofile: {soft: 100, hard: 200}, nproc: 50}\n    dns: 1.1.1.1\n    dns_search: [corp]\n    extra_hosts: ["db.local:10.0.0.2"]\n    cap_add: [NET_ADMIN]\n    cap_drop: [ALL]\n    logging: {driver: json-file, options: {max-size: 1m}}\n',
    );
    expect(cs.HealthCheck).toEqual({ Test: ['CMD', 'true'], Interval: 10e9, Timeout: 2e9, StartPeriod: 1e9, Retries: 3 });
    expect(cs).toMatchObject({ StopGracePeriod: 30e9, StopSignal: 'SIGINT', Sysctls: { 'net.core.somaxconn': '1024' }, Hosts: ['10.0.0.2 db.local'], CapabilityAdd: ['NET_ADMIN'], CapabilityDrop: ['ALL'] });
    expect(cs.Ulimits).toEqual([{ Name: 'nofile', Soft: 100, Hard: 200 }, { Name: 'nproc', Soft: 50, Hard: 50 }]);
    expect(cs.DNSConfig).toEqual({ Nameservers: ['1.1.1.1'], Search: ['corp'] });
    expect(task.LogDriver).toEqual({ Name: 'json-file', Options: { 'max-size': '1m' } });
    expect((await only('    healthcheck: {disable: true}\n')).cs.HealthCheck).toEqual({ Test: ['NONE'] });
  });

  it('creates secrets and configs as <stack>_<name> from environment or content, and refers to them by target', async () => {
    const p = await plan('services:\n  web:\n    image: x\n    secrets: [token]\n    configs: [{source: conf, target: /etc/app.conf, mode: "0440"}]\nsecrets:\n  token: {environment: TOKEN}\nconfigs:\n  conf: {content: "a=1"}\n', { TOKEN: 's3cret' });
    expect(p.secrets).toEqual([{ key: 'token', name: 'shop_token', external: false, data: Buffer.from('s3cret'), labels: NS }]);
    expect(p.configs[0]).toMatchObject({ name: 'shop_conf', data: Buffer.from('a=1') });
    const cs = p.services[0]?.spec.TaskTemplate?.ContainerSpec;
    expect(cs?.Secrets).toEqual([{ File: { Name: 'token', UID: '0', GID: '0', Mode: 0o444 }, SecretName: 'shop_token' }]);
    expect(cs?.Configs).toEqual([{ File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o440 }, ConfigName: 'shop_conf' }]);
  });

  it('names every field Swarm ignores, like "Ignoring unsupported options"', async () => {
    const { warnings } = await only('    build: .\n    container_name: c\n    depends_on: [db]\n    privileged: true\n    network_mode: bridge\n    devices: ["/dev/fuse"]\n  db:\n    image: pg\n    links: [web]\n');
    const ignored = warnings.filter((w) => w.startsWith('Ignoring unsupported options:')).map((w) => w.split(' ')[3]);
    expect(ignored).toEqual(['build', 'container_name', 'depends_on', 'devices', 'links', 'network_mode', 'privileged']);
    expect(warnings.find((w) => w.includes('build'))).toContain('Swarm cannot build');
  });

  it('refuses a service without an image and reports loader problems with file:line', async () => {
    await expect(plan('services:\n  web:\n    build: .\n')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('services.web.image') as string });
    await expect(plan('services:\n  web:\n    image: x\n    ports: "80"\n')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^compose\.yaml:4:\d+: services\.web\.ports/) as string });
    await expect(plan('services:\n  web:\n    image: x\n    secrets: [s]\nsecrets:\n  s: {environment: NOPE}\n')).rejects.toMatchObject({ message: expect.stringContaining('secrets.s.environment: the variable NOPE is not set') as string });
  });
});
