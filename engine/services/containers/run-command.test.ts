import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containerSpecSchema, shellQuote, type ContainerSpecInput } from '../../contract';
import { portInUse } from './create-errors';
import { byteText, renderComposeService, renderRunCommand } from './run-command';

const spec = (input: ContainerSpecInput) => containerSpecSchema.parse(input);

describe('shellQuote', () => {
  it.each([
    ['plain-word_1.2:/x@y', 'plain-word_1.2:/x@y'],
    ['two words', "'two words'"],
    ["it's", `'it'"'"'s'`],
    ['$HOME', "'$HOME'"],
    ['', "''"],
  ])('%j → %s', (word, quoted) => expect(shellQuote(word)).toBe(quoted));
});

describe('renderRunCommand', () => {
  it('renders every setting as docker run options, one per line', () => {
    const cmd = renderRunCommand(
      spec({
        name: 'web',
        image: 'nginx:1.27',
        entrypoint: ['/docker-entrypoint.sh', '--verbose'],
        command: ['nginx', '-g', 'daemon off;'],
        ports: [
          { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80 },
          { containerPort: 53, protocol: 'udp' },
        ],
        env: { A: '1' },
        volumes: [
          { type: 'bind', source: '/srv/www', target: '/usr/share/nginx/html', readOnly: true },
          { type: 'volume', source: '', target: '/cache' },
          { type: 'tmpfs', target: '/run' },
        ],
        restartPolicy: { name: 'on-failure', maximumRetryCount: 5 },
        cpus: 1.5,
        memory: 256 * 1024 * 1024,
        capAdd: ['NET_ADMIN'],
        readOnlyRootfs: true,
        tty: true,
        healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: 30, retries: 3 },
        labels: { 'com.docker.compose.project': 'shop', tier: 'front end' },
      }),
    );
    expect(cmd.split(' \\\n  ')).toEqual([
      'docker run -d',
      '--name web',
      '-e A=1',
      '-p 127.0.0.1:8080:80',
      '-p 53/udp',
      '-v /srv/www:/usr/share/nginx/html:ro',
      '-v /cache',
      '--tmpfs /run',
      '--restart on-failure:5',
      '--cpus 1.5',
      '--memory 256m',
      '--cap-add NET_ADMIN',
      '--read-only',
      '-it',
      "--health-cmd 'curl -f http://localhost/'",
      '--health-interval 30s',
      '--health-retries 3',
      "--label 'tier=front end'",
      '--entrypoint /docker-entrypoint.sh',
      "nginx:1.27 --verbose nginx -g 'daemon off;'",
    ]);
  });

  it('resets the entrypoint with an empty word, and disables the healthcheck', () => {
    const cmd = renderRunCommand(spec({ image: 'x', entrypoint: [], healthcheck: { test: ['NONE'] } }));
    expect(cmd).toBe("docker run -d \\\n  --no-healthcheck \\\n  --entrypoint '' \\\n  x");
  });
});

describe('renderComposeService', () => {
  it('makes a compose file whose service has the same settings, with external volumes and networks', () => {
    const doc = parse(
      renderComposeService(
        spec({
          name: 'db',
          image: 'postgres:16',
          env: { POSTGRES_PASSWORD: 'secret' },
          ports: [{ hostPort: 5432, containerPort: 5432 }],
          volumes: [
            { type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data' },
            { type: 'tmpfs', target: '/tmp' },
          ],
          network: 'backend',
          restartPolicy: { name: 'unless-stopped' },
          memory: 1024 ** 3,
          healthcheck: { test: ['CMD-SHELL', 'pg_isready'], interval: 5, timeout: 2.5 },
          labels: { 'com.docker.compose.service': 'database', keep: 'yes' },
        }),
      ),
    ) as Record<string, unknown>;
    expect(doc).toEqual({
      services: {
        database: {
          image: 'postgres:16',
          container_name: 'db',
          environment: { POSTGRES_PASSWORD: 'secret' },
          ports: ['5432:5432'],
          volumes: ['pgdata:/var/lib/postgresql/data', { type: 'tmpfs', target: '/tmp' }],
          networks: ['backend'],
          restart: 'unless-stopped',
          mem_limit: '1g',
          healthcheck: { test: ['CMD-SHELL', 'pg_isready'], interval: '5s', timeout: '2.5s' },
          labels: { keep: 'yes' },
        },
      },
      volumes: { pgdata: { external: true } },
      networks: { backend: { external: true } },
    });
  });

  it('uses network_mode for host, none and container networking', () => {
    const doc = parse(renderComposeService(spec({ name: 'hn', image: 'x', network: 'host' }))) as {
      services: { hn: Record<string, unknown> };
      networks?: unknown;
    };
    expect(doc.services.hn.network_mode).toBe('host');
    expect(doc.networks).toBeUndefined();
  });
});

describe('extra networks and their aliases', () => {
  const networks = [
    { name: 'backend', aliases: ['api', 'api.internal'] },
    { name: 'frontend', aliases: ['web'] },
    { name: 'metrics', aliases: [] },
  ];

  it('docker run: aliases on the primary network, then one network connect per other network', () => {
    const cmd = renderRunCommand(spec({ name: 'app', image: 'x:1', network: 'backend' }), networks);
    const [run, ...connects] = cmd.split(' \\\n&& ');
    expect(run?.split(' \\\n  ')).toEqual([
      'docker run -d',
      '--name app',
      '--network backend',
      '--network-alias api',
      '--network-alias api.internal',
      'x:1',
    ]);
    expect(connects).toEqual(['docker network connect --alias web frontend app', 'docker network connect metrics app']);
  });

  it('docker run on the default bridge connects the user networks afterwards', () => {
    const cmd = renderRunCommand(spec({ name: 'app', image: 'x:1' }), [{ name: 'bridge', aliases: [] }, ...networks.slice(1)]);
    expect(cmd.split(' \\\n&& ').slice(1)).toEqual(['docker network connect --alias web frontend app', 'docker network connect metrics app']);
  });

  it('compose: every network with its aliases (not the service name, which compose adds), all external', () => {
    const doc = parse(
      renderComposeService(spec({ name: 'app', image: 'x:1', network: 'backend', labels: { 'com.docker.compose.service': 'api' } }), networks),
    ) as { services: { api: { networks: unknown } }; networks: unknown };
    expect(doc.services.api.networks).toEqual({ backend: { aliases: ['api.internal'] }, frontend: { aliases: ['web'] }, metrics: null });
    expect(doc.networks).toEqual({ backend: { external: true }, frontend: { external: true }, metrics: { external: true } });
  });

  it('compose without aliases keeps the short list', () => {
    const doc = parse(renderComposeService(spec({ name: 'app', image: 'x:1', network: 'backend' }), [{ name: 'backend', aliases: [] }, { name: 'metrics', aliases: [] }])) as {
      services: { app: { networks: unknown } };
    };
    expect(doc.services.app.networks).toEqual(['backend', 'metrics']);
  });
});

describe('byteText and portInUse', () => {
  it.each([
    [1024 ** 3, '1g'],
    [1536 * 1024 ** 2, '1536m'],
    [4096, '4k'],
    [1000, '1000'],
  ])('%d → %s', (bytes, text) => expect(byteText(bytes)).toBe(text));

  it('finds the host port in the engine messages for both ways a port can be taken', () => {
    expect(
      portInUse(
        'driver failed programming external connectivity on endpoint x (abc): Bind for 0.0.0.0:8080 failed: port is already allocated',
      ),
    ).toBe(8080);
    expect(
      portInUse('Error starting userland proxy: listen tcp4 0.0.0.0:41234: bind: address already in use'),
    ).toBe(41234);
    expect(portInUse('something else')).toBeUndefined();
  });
});
