import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../load';
import { createSpec, dependsOnLabel } from './create-body';
import { parseBytes, shellSplit } from './units';

const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-body-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'secret.txt'), 's3cret');
writeFileSync(
  path.join(dir, 'compose.yaml'),
  `
name: shop
services:
  db:
    image: postgres:16
  web:
    image: busybox:1.36
    command: sh -c "echo 'a b' && sleep 1"
    entrypoint: ["/init"]
    environment: { A: "1", EMPTY: "" }
    labels: { team: web }
    hostname: webhost
    domainname: example.org
    user: "1000:1000"
    working_dir: /srv
    tty: true
    stdin_open: true
    init: true
    privileged: true
    read_only: true
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    restart: on-failure:3
    ports: ["127.0.0.1:8080:80", "9000-9001:9000-9001/udp", "5000"]
    expose: ["7000"]
    volumes:
      - ./static:/srv/static:ro
      - data:/data
      - /anon
      - type: tmpfs
        target: /cache
        tmpfs: { size: 1m }
    tmpfs: [/run:size=64k]
    healthcheck:
      test: wget -q -O- localhost
      interval: 10s
      timeout: 2s
      start_period: 5s
      retries: 4
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    dns: [1.1.1.1]
    dns_search: [example.org]
    extra_hosts: ["gw:10.0.0.1"]
    sysctls: { net.core.somaxconn: 1024 }
    ulimits: { nofile: { soft: 1024, hard: 2048 }, nproc: 512 }
    logging: { driver: json-file, options: { max-size: 10m } }
    mem_limit: 256m
    cpus: 0.5
    pids_limit: 100
    shm_size: 64m
    security_opt: [no-new-privileges:true]
    devices: [/dev/null:/dev/nothing:r]
    depends_on:
      db: { condition: service_healthy, restart: true }
    networks:
      back: { aliases: [api.internal], ipv4_address: 172.28.0.10 }
      front: {}
    secrets: [token]
  sidecar:
    image: busybox
    network_mode: service:web
    deploy: { resources: { limits: { memory: 1g, cpus: "2" } } }
networks:
  back: { ipam: { config: [{ subnet: 172.28.0.0/16 }] } }
  front: {}
volumes:
  data: {}
secrets:
  token: { file: ./secret.txt }
`,
);

const labels = { 'com.docker.compose.project': 'shop' };

describe('create body mapping', async () => {
  const project = await loadProject({ files: [path.join(dir, 'compose.yaml')], env: {} });
  const spec = createSpec({ project, service: 'web', number: 2, containerName: 'shop-web-2', projectLabels: labels, configHash: 'h', image: 'busybox:1.36' });
  const b = spec.body;
  const hc = b.HostConfig ?? {};

  it('maps the process: command, entrypoint, env, user, workdir, tty, stop settings', () => {
    expect(b.name).toBe('shop-web-2');
    expect(b.Image).toBe('busybox:1.36');
    expect(b.Cmd).toEqual(['sh', '-c', "echo 'a b' && sleep 1"]);
    expect(b.Entrypoint).toEqual(['/init']);
    expect(b.Env).toEqual(['A=1', 'EMPTY=']);
    expect(b).toMatchObject({ Hostname: 'webhost', Domainname: 'example.org', User: '1000:1000', WorkingDir: '/srv', Tty: true, OpenStdin: true, StopSignal: 'SIGINT', StopTimeout: 90 });
  });

  it('labels the container like compose', () => {
    expect(b.Labels).toEqual({
      team: 'web',
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '2',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.config-hash': 'h',
      'com.docker.compose.depends_on': 'db:service_healthy:true',
    });
  });

  it('publishes ports and exposes the rest', () => {
    expect(b.ExposedPorts).toEqual({ '7000/tcp': {}, '80/tcp': {}, '9000/udp': {}, '9001/udp': {}, '5000/tcp': {} });
    expect(hc.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
      '9000/udp': [{ HostIp: '', HostPort: '9000' }],
      '9001/udp': [{ HostIp: '', HostPort: '9001' }],
      '5000/tcp': [{ HostIp: '', HostPort: '' }],
    });
  });

  it('mounts binds, named and anonymous volumes, tmpfs and file secrets', () => {
    expect(hc.Binds).toEqual([`${dir}/static:/srv/static:ro`, 'shop_data:/data:rw', `${dir}/secret.txt:/run/secrets/token:ro`]);
    expect(b.Volumes).toEqual({ '/anon': {} });
    expect(hc.Tmpfs).toEqual({ '/cache': 'size=1048576', '/run': 'size=64k' });
  });

  it('maps the healthcheck to nanoseconds', () => {
    expect(b.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'wget -q -O- localhost'], Interval: 10e9, Timeout: 2e9, StartPeriod: 5e9, Retries: 4 });
  });

  it('maps host settings: restart, init, privileges, dns, hosts, sysctls, ulimits, logging, resources, devices', () => {
    expect(hc).toMatchObject({
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      Init: true,
      Privileged: true,
      ReadonlyRootfs: true,
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['ALL'],
      Dns: ['1.1.1.1'],
      DnsSearch: ['example.org'],
      ExtraHosts: ['gw:10.0.0.1'],
      Sysctls: { 'net.core.somaxconn': '1024' },
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }, { Name: 'nproc', Soft: 512, Hard: 512 }],
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      Memory: 256 * 1024 ** 2,
      NanoCpus: 5e8,
      PidsLimit: 100,
      ShmSize: 64 * 1024 ** 2,
      SecurityOpt: ['no-new-privileges:true'],
      Devices: [{ PathOnHost: '/dev/null', PathInContainer: '/dev/nothing', CgroupPermissions: 'r' }],
    });
  });

  it('joins networks with the service name as alias: the first at create, the others before start', () => {
    expect(hc.NetworkMode).toBe('shop_back');
    expect(b.NetworkingConfig?.EndpointsConfig).toEqual({ shop_back: { Aliases: ['web', 'api.internal'], IPAMConfig: { IPv4Address: '172.28.0.10' } } });
    expect(spec.networks.map((n) => n.name)).toEqual(['shop_back', 'shop_front']);
    expect(dependsOnLabel(project.services.web ?? {})).toBe('db:service_healthy:true');
  });

  it('shares another service\'s network namespace and takes limits from deploy.resources', () => {
    const side = createSpec({ project, service: 'sidecar', number: 1, containerName: 'shop-sidecar-1', projectLabels: labels, configHash: 'h', image: 'busybox', serviceContainer: (s) => (s === 'web' ? 'abc123' : undefined) });
    expect(side.body.HostConfig?.NetworkMode).toBe('container:abc123');
    expect(side.body.NetworkingConfig).toBeUndefined();
    expect(side.body.HostConfig).toMatchObject({ Memory: 1024 ** 3, NanoCpus: 2e9 });
    expect(() => createSpec({ project, service: 'sidecar', number: 1, containerName: 'x', projectLabels: labels, configHash: 'h', image: 'busybox' })).toThrow(/shares the network of "web", which has no container yet/);
  });

  it('makes one-off containers: labelled oneoff, no published ports unless asked, the given command', () => {
    const run = createSpec({ project, service: 'web', number: 1, containerName: 'shop-web-run-1', projectLabels: labels, configHash: 'h', image: 'busybox', oneOff: { command: ['true'], autoRemove: true } });
    expect(run.body.Labels?.['com.docker.compose.oneoff']).toBe('True');
    expect(run.body.Cmd).toEqual(['true']);
    expect(run.body.HostConfig?.PortBindings).toBeUndefined();
    expect(run.body.HostConfig?.AutoRemove).toBe(true);
  });
});

describe('units', () => {
  it('splits commands like a POSIX shell without expanding', () => {
    expect(shellSplit(`echo "a b" 'c d' e\\ f "x\\"y" $HOME`)).toEqual(['echo', 'a b', 'c d', 'e f', 'x"y', '$HOME']);
    expect(() => shellSplit('echo "open')).toThrow(/unterminated/);
  });

  it('parses byte sizes', () => {
    expect(parseBytes('512m', 'x')).toBe(512 * 1024 ** 2);
    expect(parseBytes('1.5g', 'x')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('100kb', 'x')).toBe(102400);
    expect(parseBytes(42, 'x')).toBe(42);
    expect(() => parseBytes('lots', 'mem_limit')).toThrow(/mem_limit "lots" is not a size/);
  });
});
