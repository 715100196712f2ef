import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import type { ContainerCreated, ContainerSpec, ContainerSpecInput } from '../../contract';
import { call } from '../testing/backend';
import { useEngineBackend } from '../testing/use-engine-backend';
import { errorOf } from '../testing/transfer';

const run = promisify(execFile);

const env = useEngineBackend();

const create = (spec: ContainerSpecInput, start = true) =>
  call<ContainerCreated>(env.t.backend, 'containers.create', { spec, start });
const inspect = (id: string) => env.engine.docker.getContainer(id).inspect();
const cli = async (...args: string[]) =>
  (await run('docker', ['-H', env.engine.endpoint, ...args])).stdout.trim();

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('containers.create against a real engine', () => {
  it('creates and starts a container with the settings of the spec', async () => {
    const hostPort = await freePort();
    const created = await create({
      name: 'full-spec',
      image: TEST_IMAGE,
      command: ['sh', '-c', 'mkdir -p /www && echo hi > /www/index.html && httpd -f -p 8080 -h /www'],
      ports: [{ hostIp: '127.0.0.1', hostPort, containerPort: 8080, protocol: 'tcp' }],
      env: { GREETING: 'hello world' },
      envFile: '# comment\nFROM_FILE=1\nGREETING=overridden by env\n',
      volumes: [
        { type: 'volume', source: 'full-spec-data', target: '/data', readOnly: false },
        { type: 'tmpfs', source: '', target: '/scratch', readOnly: false },
      ],
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      cpus: 0.5,
      memory: 64 * 1024 * 1024,
      pidsLimit: 50,
      user: 'root',
      workingDir: '/tmp',
      labels: { team: 'berth' },
      capDrop: ['NET_RAW'],
      readOnlyRootfs: false,
      healthcheck: {
        test: ['CMD-SHELL', 'wget -q -O- http://127.0.0.1:8080/ || exit 1'],
        interval: 2,
        retries: 3,
      },
      hostname: 'full-spec-host',
    });
    expect(created).toMatchObject({ name: 'full-spec', started: true });
    const info = await inspect(created.id);
    expect(info.State.Running).toBe(true);
    expect(info.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello world', 'FROM_FILE=1']));
    expect(info.Config.Labels).toMatchObject({ team: 'berth' });
    expect(info.Config.Hostname).toBe('full-spec-host');
    expect(info.Config.WorkingDir).toBe('/tmp');
    expect(info.Config.Healthcheck).toMatchObject({ Interval: 2e9, Retries: 3 });
    expect(info.HostConfig).toMatchObject({
      NanoCpus: 5e8,
      Memory: 64 * 1024 * 1024,
      PidsLimit: 50,
      CapDrop: ['NET_RAW'],
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
    });
    expect(info.Mounts.map((m) => [m.Type, m.Destination])).toEqual(
      expect.arrayContaining([
        ['volume', '/data'],
        ['tmpfs', '/scratch'],
      ]),
    );
    const res = await waitForHttp(`http://127.0.0.1:${hostPort}/`);
    expect(res).toBe('hi\n');
  });

  it('creates without starting when start is false', async () => {
    const created = await create({ name: 'not-started', image: TEST_IMAGE, command: ['sleep', '60'] }, false);
    expect(created.started).toBe(false);
    expect((await inspect(created.id)).State.Status).toBe('created');
  });

  it('rejects bad input with per-field messages before reaching the engine', async () => {
    const before = await cli('ps', '-aq');
    const bad = await errorOf(
      create({
        name: '-bad name',
        image: 'Not A/Valid::ref',
        ports: [{ hostPort: 70000, containerPort: 80, protocol: 'tcp' }],
      }),
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
    const issues = bad.details as { path: string; message: string }[];
    const at = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(at('spec.name')).toMatch(/letters, digits/);
    expect(at('spec.image')).toMatch(/not a valid image reference/);
    expect(at('spec.ports.0.hostPort')).toMatch(/between 1 and 65535/);
    const dup = await errorOf(
      create({
        name: 'dup-ports',
        image: TEST_IMAGE,
        ports: [
          { hostPort: 8080, containerPort: 81, protocol: 'tcp' },
          { hostPort: 8080, containerPort: 82, protocol: 'udp' },
          { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 83, protocol: 'tcp' },
        ],
      }),
    );
    expect(dup.details).toEqual([
      { path: 'spec.ports.2.hostPort', message: 'Host port 8080/tcp is already published by row 1' },
    ]);
    expect(await cli('ps', '-aq')).toBe(before);
  });

  it('says a missing image must be pulled first, and does not pull it', async () => {
    const err = await errorOf(create({ name: 'no-image', image: 'berth-test/not-here:1.0' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(
      'Image berth-test/not-here:1.0 is not on this engine; pull it first (or build it), then run the container again.',
    );
    await expect(cli('image', 'inspect', 'berth-test/not-here:1.0')).rejects.toThrow();
  });

  it('names the conflict when the name is taken', async () => {
    await create({ name: 'taken', image: TEST_IMAGE, command: ['sleep', '60'] }, false);
    const err = await errorOf(create({ name: 'taken', image: TEST_IMAGE }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^The name "taken" is already used by another container/);
  });

  it('names the host port already in use and leaves nothing behind', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(port, '0.0.0.0', r));
    try {
      const err = await errorOf(
        create({
          name: 'port-clash',
          image: TEST_IMAGE,
          command: ['sleep', '60'],
          ports: [{ hostPort: port, containerPort: 80, protocol: 'tcp' }],
        }),
      );
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toMatch(new RegExp(`^Host port ${port} is already in use`));
      await expect(cli('inspect', 'port-clash')).rejects.toThrow();
    } finally {
      await new Promise((r) => holder.close(r));
    }
  });
});

describe('runCommand / composeService / spec of an existing container', () => {
  it('renders only non-default settings, quoted, and the command recreates an equal container', async () => {
    await cli(
      'run',
      '-d',
      '--name',
      'copy-me',
      '-e',
      "QUOTE=it's here",
      '-p',
      '127.0.0.1::80',
      '--restart',
      'always',
      '--memory',
      '32m',
      '-l',
      'a=b c',
      TEST_IMAGE,
      'sleep',
      '600',
    );
    const command = await call<string>(env.t.backend, 'containers.runCommand', { id: 'copy-me' });
    expect(command).toBe(
      [
        'docker run -d',
        '--name copy-me',
        `-e 'QUOTE=it'"'"'s here'`,
        '-p 127.0.0.1::80',
        '--restart always',
        '--memory 32m',
        "--label 'a=b c'",
        `${TEST_IMAGE} sleep 600`,
      ].join(' \\\n  '),
    );
    // The image's own env (PATH), CMD and WORKDIR are not repeated.
    expect(command).not.toMatch(/PATH=|--workdir/);
    // Running the command (renamed) gives a container with the same spec.
    await run('sh', [
      '-c',
      command
        .replace('--name copy-me', '--name copy-me-2')
        .replace(/^docker /, `docker -H ${env.engine.endpoint} `),
    ]);
    const a = await call<ContainerSpec>(env.t.backend, 'containers.spec', { id: 'copy-me' });
    const b = await call<ContainerSpec>(env.t.backend, 'containers.spec', { id: 'copy-me-2' });
    expect({ ...b, name: 'copy-me' }).toEqual(a);

    const yaml = await call<string>(env.t.backend, 'containers.composeService', { id: 'copy-me' });
    expect(yaml).toContain(
      'services:\n  copy-me:\n    image: berth-test/busybox:latest\n    container_name: copy-me\n',
    );
    expect(yaml).toContain('    command:\n      - sleep\n      - "600"\n');
    expect(yaml).toContain("    environment:\n      QUOTE: it's here\n");
    expect(yaml).toContain('    ports:\n      - 127.0.0.1::80\n');
    expect(yaml).toContain('    restart: always\n    mem_limit: 32m\n');
  });

  it('keeps extra networks and their aliases, and the command makes a container on the same networks', async () => {
    await cli('network', 'create', 'copy-back');
    await cli('network', 'create', 'copy-front');
    await cli('run', '-d', '--name', 'netted', '--network', 'copy-back', '--network-alias', 'api', TEST_IMAGE, 'sleep', '600');
    await cli('network', 'connect', '--alias', 'web', '--alias', 'www', 'copy-front', 'netted');
    const command = await call<string>(env.t.backend, 'containers.runCommand', { id: 'netted' });
    expect(command).toContain('--network copy-back \\\n  --network-alias api \\\n');
    expect(command).toMatch(/ \\\n&& docker network connect --alias web --alias www copy-front netted$/);
    const shortId = (await cli('inspect', '-f', '{{.Id}}', 'netted')).trim().slice(0, 12);
    expect(command).not.toContain(shortId);
    await run('sh', ['-c', command.replace(/--name netted/, '--name netted-2').replace(/ netted$/, ' netted-2').replace(/(^|&& )docker /g, `$1docker -H ${env.engine.endpoint} `)]);
    const aliases = JSON.parse(await cli('inspect', '-f', '{{json .NetworkSettings.Networks}}', 'netted-2')) as Record<string, { Aliases: string[] | null }>;
    expect(Object.keys(aliases).sort()).toEqual(['copy-back', 'copy-front']);
    expect(aliases['copy-back']?.Aliases).toContain('api');
    expect(aliases['copy-front']?.Aliases).toEqual(expect.arrayContaining(['web', 'www']));

    const yaml = await call<string>(env.t.backend, 'containers.composeService', { id: 'netted' });
    expect(yaml).toContain('    networks:\n      copy-back:\n        aliases:\n          - api\n      copy-front:\n        aliases:\n          - web\n          - www\n');
    expect(yaml).toContain('networks:\n  copy-back:\n    external: true\n  copy-front:\n    external: true\n');
  });

  it('fails with NOT_FOUND for an unknown container', async () => {
    expect((await errorOf(call(env.t.backend, 'containers.runCommand', { id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(call(env.t.backend, 'containers.composeService', { id: 'bad/id' }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

async function waitForHttp(url: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      return await res.text();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
