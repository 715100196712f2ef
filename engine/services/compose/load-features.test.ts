import path from 'node:path';
import { parse } from 'yaml';
import { toConfigYaml } from './index';
import { type LoadOptions } from './model';
import { useProjectFolder } from './testing/load';

const folder = useProjectFolder();
const { write, load, failure } = folder;
const failureMessage = async (options: Partial<LoadOptions> = {}) => (await failure(options)).message;

describe('extends', () => {
  it('extends a service of the same file, the extending service winning', async () => {
    write({ 'compose.yaml': 'services:\n  base: {image: x, environment: {A: "1"}, restart: always}\n  web:\n    extends: base\n    environment: {B: "2"}\n    restart: "no"\n' });
    const web = (await load()).services.web;
    expect(web).toMatchObject({ image: 'x', environment: { A: '1', B: '2' }, restart: 'no' });
    expect(web?.extends).toBeUndefined();
  });

  it('extends a service of another file, resolving its relative paths from that file', async () => {
    write({
      'compose.yaml': 'services:\n  web:\n    extends: {file: lib/common.yml, service: app}\n    image: web\n',
      'lib/common.yml': 'services:\n  app:\n    build: ./app\n    volumes: ["./data:/data"]\n    env_file: app.env\n',
      'lib/app.env': 'FROM_LIB=yes\n',
    });
    const web = (await load()).services.web;
    expect(web?.build).toEqual({ context: path.join(folder.dir, 'lib/app'), dockerfile: 'Dockerfile' });
    expect(web?.volumes?.[0]?.source).toBe(path.join(folder.dir, 'lib/data'));
    expect(web?.environment).toEqual({ FROM_LIB: 'yes' });
  });

  it('follows chains and reports cycles by name', async () => {
    write({ 'compose.yaml': 'services:\n  a: {extends: b, image: x}\n  b: {extends: c}\n  c: {extends: a}\n' });
    expect(await failureMessage()).toMatch(/^compose\.yaml:2:7: services\.a\.extends: extends cycle: a -> b -> c -> a/);
  });

  it('reports an unknown base service', async () => {
    write({ 'compose.yaml': 'services:\n  a: {extends: ghost, image: x}\n' });
    expect(await failureMessage()).toMatch(/services\.a\.extends: service "ghost" is not defined/);
  });
});

describe('profiles', () => {
  const file = [
    'services:',
    '  web: {image: x}',
    '  debug: {image: x, profiles: [debug]}',
    '  tools: {image: x, profiles: [tools, ops], depends_on: [helper]}',
    '  helper: {image: x, profiles: [ops]}',
  ].join('\n');

  it('enables services without profiles only, by default', async () => {
    write({ 'compose.yaml': file });
    const p = await load();
    expect(Object.keys(p.services)).toEqual(['web']);
    expect(p.disabledServices).toEqual(['debug', 'helper', 'tools']);
  });

  it('activates profiles from the option or COMPOSE_PROFILES (comma-separated); * activates all', async () => {
    write({ 'compose.yaml': file });
    expect(Object.keys((await load({ profiles: ['debug'] })).services).sort()).toEqual(['debug', 'web']);
    expect(Object.keys((await load({ env: { COMPOSE_PROFILES: 'debug,ops' } })).services).sort()).toEqual(['debug', 'helper', 'tools', 'web']);
    expect(Object.keys((await load({ profiles: ['*'] })).services)).toHaveLength(4);
  });

  it('enables an explicitly targeted service and what it depends on', async () => {
    write({ 'compose.yaml': file });
    expect(Object.keys((await load({ services: ['tools'] })).services).sort()).toEqual(['helper', 'tools', 'web']);
  });

  it('rejects depends_on a disabled service unless required is false', async () => {
    write({ 'compose.yaml': file.replace('depends_on: [helper]', 'depends_on: [helper]') });
    expect(await failureMessage({ profiles: ['tools'] })).toMatch(/services\.tools\.depends_on\.helper: service "tools" depends on service "helper", which is disabled: activate one of its profiles \(ops\)/);
    write({ 'compose.yaml': file.replace('depends_on: [helper]', 'depends_on: {helper: {condition: service_started, required: false}}') });
    const p = await load({ profiles: ['tools'] });
    expect(p.services.tools?.depends_on).toEqual({});
    expect(p.warnings.some((w) => w.includes('"helper", which is disabled'))).toBe(true);
  });
});

describe('normalisation to the canonical model', () => {
  it('normalises services and top-level resources as docker compose config does', async () => {
    write({
      'compose.yaml': [
        'name: demo',
        'services:',
        '  web:',
        '    build: ./web',
        '    depends_on: [db]',
        '    labels: [a=b]',
        '    extra_hosts: ["host.docker.internal:host-gateway", "v6=::1"]',
        '    healthcheck: {test: curl -f localhost, interval: 90s, retries: "3"}',
        '    deploy: {replicas: "2"}',
        '    secrets: [token]',
        '  db:',
        '    image: postgres',
        '    network_mode: host',
        'networks:',
        '  ext: {external: true}',
        '  legacy: {external: {name: real-net}}',
        'volumes:',
        '  data: {}',
        '  named: {name: fixed}',
        'secrets:',
        '  token: {file: token.txt}',
      ].join('\n'),
      'token.txt': 't',
    });
    const p = await load();
    expect(p.name).toBe('demo');
    expect(p.services.web).toMatchObject({
      build: { context: path.join(folder.dir, 'web'), dockerfile: 'Dockerfile' },
      depends_on: { db: { condition: 'service_started', required: true } },
      labels: { a: 'b' },
      extra_hosts: { 'host.docker.internal': ['host-gateway'], v6: ['::1'] },
      healthcheck: { test: ['CMD-SHELL', 'curl -f localhost'], interval: '1m30s', retries: 3 },
      deploy: { replicas: 2 },
      secrets: [{ source: 'token' }],
      networks: { default: null },
    });
    expect(p.services.db?.networks).toBeUndefined();
    expect(p.networks).toEqual({ ext: { name: 'ext', external: true }, legacy: { name: 'real-net', external: true }, default: { name: 'demo_default' } });
    expect(p.volumes).toEqual({ data: { name: 'demo_data' }, named: { name: 'fixed' } });
    expect(p.secrets.token).toEqual({ name: 'demo_token', file: path.join(folder.dir, 'token.txt') });
  });

  it('prints YAML that loads back to the same model, with $ re-escaped', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: x\n    command: echo $$HOME\n    ports: ["8080:80"]\n    volumes: ["./src:/src"]\n' });
    const first = await load();
    const yaml = toConfigYaml(first);
    expect(yaml).toMatch(/^name: /);
    expect((parse(yaml) as { services: { web: { command: string } } }).services.web.command).toBe('echo $$HOME');
    write({ 'compose.yaml': yaml });
    const second = await load();
    expect(second.services).toEqual(first.services);
    expect(second.services.web?.command).toBe('echo $HOME');
  });

  it('rejects scale and deploy.replicas that disagree', async () => {
    write({ 'compose.yaml': 'services:\n  web: {image: x, scale: 2, deploy: {replicas: 3}}\n' });
    expect(await failureMessage()).toMatch(/services\.web\.deploy: scale \(2\) and deploy\.replicas \(3\) disagree/);
  });
});
