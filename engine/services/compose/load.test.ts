import path from 'node:path';
import { type BerthError } from '../../base/errors';
import { useProjectFolder } from './testing/load';

const folder = useProjectFolder();
const { write, load, failure } = folder;

const problemTexts = (err: BerthError) => (err.details as { problems: { text: string }[] }).problems.map((p) => p.text);

describe('loadProject: files and errors', () => {
  it('finds compose.yaml plus its override by default and names the project after the folder', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'compose.override.yaml': 'services:\n  web:\n    image: nginx:2\n' });
    const p = await load();
    expect(p.composeFiles.map((f) => path.basename(f))).toEqual(['compose.yaml', 'compose.override.yaml']);
    expect(p.services.web?.image).toBe('nginx:2');
    expect(p.name).toBe(path.basename(folder.dir).toLowerCase().replace(/[^a-z0-9_-]/g, ''));
  });

  it('says where it looked when there is no compose file', async () => {
    const err = await failure();
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/no compose file found .* compose\.yaml, compose\.yml, docker-compose\.yml, docker-compose\.yaml/);
  });

  it('names file:line:col and the key path of an invalid port, and lists every problem', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80:80:80"\n  api:\n    image: x\n    ports: ["1/bogus"]\n' });
    const err = await failure({ files: ['compose.yaml'] });
    expect(err.message).toMatch(/^compose\.yaml:5:9: services\.web\.ports\[0\]: invalid port "80:80:80:80"/);
    expect(problemTexts(err)).toEqual([expect.stringMatching(/^compose\.yaml:5:9: /), expect.stringMatching(/^compose\.yaml:8:13: services\.api\.ports\[0\]: invalid port "1\/bogus"/)]);
  });

  it('reports schema violations at the offending key', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    restart: [always]\n    bogus: 1\nfrobnicate: true\n' });
    const texts = problemTexts(await failure());
    expect(texts).toContain('compose.yaml:4:5: services.web.restart: must be a string');
    expect(texts).toContain('compose.yaml:5:5: services.web.bogus: unknown key "bogus" is not allowed by the compose specification');
    expect(texts).toContain('compose.yaml:6:1: frobnicate: unknown key "frobnicate" at the top level is not allowed by the compose specification');
  });

  it('reports duplicate keys and YAML bombs as INVALID_ARGUMENT with the file name', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n' });
    expect((await failure()).message).toMatch(/^compose\.yaml:4:5: .*unique/);
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(',')}]`)];
    write({ 'compose.yaml': bomb.join('\n') });
    expect((await failure()).message).toMatch(/^compose\.yaml: YAML aliases expand too much.*YAML bomb/);
  });

  it('rejects a service with neither image nor build, undefined references and dependency cycles', async () => {
    write({
      'compose.yaml': [
        'services:',
        '  a: {image: x, depends_on: [b], networks: [nope], volumes: ["data:/d"], secrets: [s]}',
        '  b: {image: x, depends_on: [a]}',
        '  c: {restart: always}',
      ].join('\n'),
    });
    const texts = problemTexts(await failure());
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/services\.a\.networks\.nope: service "a" refers to undefined network "nope"/),
        expect.stringMatching(/services\.a\.volumes\[0\]: service "a" refers to undefined volume "data"/),
        expect.stringMatching(/services\.a\.secrets\[0\]: service "a" refers to undefined secret "s"/),
        expect.stringMatching(/^compose\.yaml:4:3: services\.c: service "c" has neither an image nor a build context/),
        expect.stringMatching(/dependency cycle: a -> b -> a/),
      ]),
    );
  });

  it('requires secret/config files and env_files to exist, naming the file', async () => {
    write({ 'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: [missing.env, {path: optional.env, required: false}]\nsecrets:\n  s:\n    file: ./nope.txt\n' });
    const texts = problemTexts(await failure());
    expect(texts).toContain(`compose.yaml:4:16: services.a.env_file[0]: env_file ${path.join(folder.dir, 'missing.env')} does not exist`);
    expect(texts).toContain(`compose.yaml:7:5: secrets.s.file: secret "s": file ${path.join(folder.dir, 'nope.txt')} does not exist`);
    expect(texts).toHaveLength(2);
  });
});

describe('loadProject: environment', () => {
  it('interpolates from env, then .env; --env-file replaces .env; unset variables warn', async () => {
    write({
      'compose.yaml': 'services:\n  web:\n    image: "${IMAGE}:${TAG:-latest}"\n    environment:\n      FROM_ENV: $FROM_ENV\n      NOPE: ${NOPE}\n',
      '.env': 'IMAGE=from-dotenv\nTAG=1\nFROM_ENV=dotenv\n',
      'other.env': 'IMAGE=from-other\n',
    });
    const p = await load({ env: { FROM_ENV: 'process' } });
    expect(p.services.web?.image).toBe('from-dotenv:1');
    expect(p.services.web?.environment).toEqual({ FROM_ENV: 'process', NOPE: '' });
    expect(p.warnings).toContain('The "NOPE" variable is not set. Defaulting to a blank string.');
    const q = await load({ envFiles: ['other.env'] });
    expect(q.services.web?.image).toBe('from-other:latest');
  });

  it('loads env_file into environment with environment taking precedence', async () => {
    write({
      'compose.yaml': 'services:\n  web:\n    image: x\n    env_file: [a.env, b.env]\n    environment: [B=explicit, FROM_HOST]\n',
      'a.env': 'A=a\nB=a\nC=a\n',
      'b.env': 'C=b\n',
    });
    const p = await load({ env: { FROM_HOST: 'host' } });
    expect(p.services.web?.environment).toEqual({ A: 'a', B: 'explicit', C: 'b', FROM_HOST: 'host' });
    expect(p.services.web?.env_file).toBeUndefined();
  });

  it('stops at a required variable with its message and location', async () => {
    write({ 'compose.yaml': 'services:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n' });
    expect((await failure()).message).toBe('compose.yaml:3:5: services.web.image: required variable IMAGE is missing a value: set IMAGE first');
  });
});

describe('loadProject: merging -f files', () => {
  it('merges with compose rules', async () => {
    write({
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: x',
        '    command: [a, b]',
        '    ports: ["80:80"]',
        '    environment: [A=1, B=1]',
        '    labels: {one: "1"}',
        '    volumes: ["./a:/data", "cache:/cache"]',
        '    dns: 1.1.1.1',
        '    networks: [front]',
        'networks: {front: {}, back: {}}',
        'volumes: {cache: {}}',
      ].join('\n'),
      'override.yaml': [
        'services:',
        '  web:',
        '    command: [c]',
        '    ports: ["80:80", "443:443"]',
        '    environment: {B: 2, C: 3}',
        '    labels: [two=2]',
        '    volumes: [{type: bind, source: ./b, target: /data}]',
        '    dns: [8.8.8.8]',
        '    networks: {back: {aliases: [w]}}',
      ].join('\n'),
    });
    const web = (await load({ files: ['compose.yaml', 'override.yaml'] })).services.web;
    expect(web?.command).toEqual(['c']);
    expect(web?.ports?.map((p) => p.published)).toEqual(['80', '443']);
    expect(web?.environment).toEqual({ A: '1', B: '2', C: '3' });
    expect(web?.labels).toEqual({ one: '1', two: '2' });
    expect(web?.volumes).toEqual([
      { type: 'bind', source: path.join(folder.dir, 'b'), target: '/data' },
      { type: 'volume', source: 'cache', target: '/cache', volume: {} },
    ]);
    expect(web?.dns).toEqual(['1.1.1.1', '8.8.8.8']);
    expect(web?.networks).toEqual({ front: null, back: { aliases: ['w'] } });
  });

  it('honours !reset and !override', async () => {
    write({
      'compose.yaml': 'services:\n  web:\n    image: x\n    ports: ["80:80"]\n    environment: {A: "1", B: "1"}\n',
      'override.yaml': 'services:\n  web:\n    ports: !reset []\n    environment: !override {C: "3"}\n',
    });
    const web = (await load({ files: ['compose.yaml', 'override.yaml'] })).services.web;
    expect(web?.ports).toBeUndefined();
    expect(web?.environment).toEqual({ C: '3' });
  });
});
