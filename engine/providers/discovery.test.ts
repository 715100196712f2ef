import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EngineCandidate } from '../contract';
import { discoverEngines, endpointKey, resolvePreferred } from './discovery';
import type { DiscoveryEnv } from './types';

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

/** A fake machine: files by path, sockets by path; directories are derived from file paths. */
function machine(opts: {
  env?: NodeJS.ProcessEnv;
  files?: Record<string, string>;
  sockets?: string[];
  uid?: number;
  platform?: NodeJS.Platform;
  home?: string;
}): DiscoveryEnv {
  const files = opts.files ?? {};
  return {
    env: opts.env ?? {},
    homeDir: opts.home ?? '/home/ada',
    platform: opts.platform ?? 'linux',
    uid: opts.uid ?? 1000,
    isSocket: (path) => Promise.resolve((opts.sockets ?? []).includes(path)),
    readFile: (path) => Promise.resolve(files[path]),
    readDir: (dir) =>
      Promise.resolve(
        Object.keys(files)
          .filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'))
          .map((p) => p.slice(dir.length + 1)),
      ),
  };
}

function context(configDir: string, name: string, host: string, opts: { skip?: boolean; tls?: string[] } = {}) {
  const files: Record<string, string> = {
    [`${configDir}/contexts/meta/${sha(name)}/meta.json`]: JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skip ?? false } },
    }),
  };
  for (const f of opts.tls ?? []) files[`${configDir}/contexts/tls/${sha(name)}/docker/${f}.pem`] = 'PEM';
  return files;
}

const dataDir = '/home/ada/.local/share/berth';
const embeddedEndpoint = `unix://${dataDir}/engine/docker.sock`;

describe('discoverEngines', () => {
  it('on a bare machine lists only the embedded engine, rootless for a normal user', async () => {
    const found = await discoverEngines(machine({}), { dataDir });
    expect(found).toEqual([
      {
        id: 'embedded',
        source: 'embedded',
        label: 'Embedded engine (rootless)',
        endpoint: embeddedEndpoint,
        embedded: true,
        rootless: true,
      },
    ]);
  });

  it('orders DOCKER_HOST, context, Docker sockets, Podman sockets, embedded', async () => {
    const denv = machine({
      env: { DOCKER_HOST: 'ssh://ada@build.example', XDG_RUNTIME_DIR: '/run/user/1000' },
      files: { '/home/ada/.docker/config.json': '{"currentContext":"colima"}', ...context('/home/ada/.docker', 'colima', 'unix:///home/ada/.colima/docker.sock') },
      sockets: ['/run/user/1000/podman/podman.sock', '/var/run/docker.sock', '/home/ada/.docker/desktop/docker.sock'],
    });
    const found = await discoverEngines(denv, { dataDir });
    expect(found.map((c) => [c.source, c.endpoint])).toEqual([
      ['docker-host', 'ssh://ada@build.example'],
      ['docker-context', 'unix:///home/ada/.colima/docker.sock'],
      ['default-socket', 'unix:///var/run/docker.sock'],
      ['default-socket', 'unix:///home/ada/.docker/desktop/docker.sock'],
      ['podman-socket', 'unix:///run/user/1000/podman/podman.sock'],
      ['embedded', embeddedEndpoint],
    ]);
    expect(found[1]?.label).toBe("Docker context 'colima'");
    expect(new Set(found.map((c) => c.id)).size).toBe(found.length);
  });

  it('reads TLS settings for DOCKER_HOST and marks plain tcp as insecure', async () => {
    const tls = await discoverEngines(
      machine({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' } }),
      { dataDir },
    );
    expect(tls[0]).toMatchObject({ tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true } });
    expect(tls[0]?.insecure).toBeUndefined();
    const plain = await discoverEngines(machine({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' } }), { dataDir });
    expect(plain[0]).toMatchObject({ endpoint: 'tcp://10.0.0.5:2375', insecure: true });
    expect(plain[0]?.tls).toBeUndefined();
    const defaultCerts = await discoverEngines(
      machine({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/cfg' } }),
      { dataDir },
    );
    expect(defaultCerts[0]?.tls?.ca).toBe('/cfg/ca.pem');
  });

  it('DOCKER_CONTEXT and DOCKER_CONFIG win over ~/.docker/config.json; TLS files and SkipTLSVerify come from the store', async () => {
    const denv = machine({
      env: { DOCKER_CONTEXT: 'prod', DOCKER_CONFIG: '/etc/ada-docker' },
      files: {
        '/home/ada/.docker/config.json': '{"currentContext":"colima"}',
        ...context('/home/ada/.docker', 'colima', 'unix:///colima.sock'),
        ...context('/etc/ada-docker', 'prod', 'tcp://prod.example:2376', { skip: true, tls: ['ca', 'cert', 'key'] }),
      },
    });
    const [first] = await discoverEngines(denv, { dataDir });
    const tlsDir = `/etc/ada-docker/contexts/tls/${sha('prod')}/docker`;
    expect(first).toMatchObject({
      id: 'docker-context:prod',
      endpoint: 'tcp://prod.example:2376',
      tls: { ca: `${tlsDir}/ca.pem`, cert: `${tlsDir}/cert.pem`, key: `${tlsDir}/key.pem`, verify: false },
    });
  });

  it("ignores the 'default' context, a missing context and a broken config.json", async () => {
    for (const files of [
      { '/home/ada/.docker/config.json': '{"currentContext":"default"}' },
      { '/home/ada/.docker/config.json': '{"currentContext":"gone"}' },
      { '/home/ada/.docker/config.json': '{not json' },
    ]) {
      const found = await discoverEngines(machine({ files }), { dataDir });
      expect(found.map((c) => c.source)).toEqual(['embedded']);
    }
  });

  it('keeps the first of duplicate endpoints (DOCKER_HOST pointing at the default socket)', async () => {
    const denv = machine({ env: { DOCKER_HOST: 'unix:///var/run//docker.sock' }, sockets: ['/var/run/docker.sock'] });
    const found = await discoverEngines(denv, { dataDir });
    expect(found.map((c) => c.source)).toEqual(['docker-host', 'embedded']);
  });

  it('as root: rootful embedded engine and the system Podman socket', async () => {
    const denv = machine({ uid: 0, home: '/root', sockets: ['/run/podman/podman.sock'] });
    const found = await discoverEngines(denv, { dataDir: '/var/lib/berth' });
    expect(found.map((c) => [c.source, c.endpoint])).toEqual([
      ['podman-socket', 'unix:///run/podman/podman.sock'],
      ['embedded', 'unix:///var/lib/berth/engine/docker.sock'],
    ]);
    expect(found[1]?.rootless).toBe(false);
  });

  it('on Windows finds Docker Desktop and Podman named pipes', async () => {
    const denv = machine({ platform: 'win32', sockets: ['//./pipe/docker_engine', '//./pipe/podman-machine-default'] });
    const found = await discoverEngines(denv, { dataDir: '/d' });
    expect(found.slice(0, 2).map((c) => c.endpoint)).toEqual(['npipe:////./pipe/docker_engine', 'npipe:////./pipe/podman-machine-default']);
  });

  it('moves the embedded socket out of a data dir too deep for a unix socket path', async () => {
    const deep = `/home/ada/${'very-long-folder-name/'.repeat(5)}berth`;
    const found = await discoverEngines(machine({ env: { XDG_RUNTIME_DIR: '/run/user/1000' } }), { dataDir: deep });
    const endpoint = found[0]?.endpoint ?? '';
    expect(endpoint).toMatch(/^unix:\/\/\/run\/user\/1000\/berth\/docker-[0-9a-f]{12}\.sock$/);
    expect(endpoint.length - 'unix://'.length).toBeLessThan(100);
  });
});

describe('resolvePreferred', () => {
  const candidates = [
    { id: 'docker-host', source: 'docker-host', label: 'DOCKER_HOST', endpoint: 'tcp://a:2375', embedded: false },
    { id: 'default-socket:/var/run/docker.sock', source: 'default-socket', label: 's', endpoint: 'unix:///var/run/docker.sock', embedded: false },
    { id: 'embedded', source: 'embedded', label: 'e', endpoint: 'unix:///d/engine/docker.sock', embedded: true },
  ] as const satisfies readonly EngineCandidate[];
  const list = () => candidates.map((c) => ({ ...c }));

  it("'auto' keeps discovery order", () => {
    expect(resolvePreferred('auto', list()).map((c) => c.id)).toEqual(['docker-host', 'default-socket:/var/run/docker.sock', 'embedded']);
  });

  it("'embedded' puts Berth's engine first and keeps the rest as fallbacks", () => {
    expect(resolvePreferred('embedded', list()).map((c) => c.id)).toEqual(['embedded', 'docker-host', 'default-socket:/var/run/docker.sock']);
  });

  it('a discovered URL (or bare socket path) moves that candidate first', () => {
    expect(resolvePreferred('unix:///var/run/docker.sock', list())[0]?.id).toBe('default-socket:/var/run/docker.sock');
    expect(resolvePreferred('/var/run/docker.sock', list())[0]?.id).toBe('default-socket:/var/run/docker.sock');
  });

  it('an undiscovered URL becomes its own candidate from settings or the flag', () => {
    const fromSettings = resolvePreferred('tcp://10.1.1.1:2375', list());
    expect(fromSettings[0]).toMatchObject({ source: 'settings', endpoint: 'tcp://10.1.1.1:2375', insecure: true, embedded: false });
    expect(fromSettings).toHaveLength(4);
    const fromFlag = resolvePreferred('ssh://me@host', list(), 'flag');
    expect(fromFlag[0]).toMatchObject({ id: 'flag:ssh://me@host', source: 'flag', endpoint: 'ssh://me@host' });
    expect(fromFlag[0]?.insecure).toBeUndefined();
  });
});

describe('endpointKey', () => {
  it('normalizes the spellings of one endpoint', () => {
    expect(endpointKey('UNIX:///var/run//docker.sock')).toBe(endpointKey('unix:///var/run/docker.sock'));
    expect(endpointKey('tcp://Host:2375/')).toBe(endpointKey('tcp://host:2375'));
    expect(endpointKey('npipe://\\\\.\\pipe\\docker_engine')).toBe(endpointKey('npipe:////./pipe/docker_engine'));
    expect(endpointKey('tcp://a:1')).not.toBe(endpointKey('tcp://a:2'));
  });
});
