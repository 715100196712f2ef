import path from 'node:path';
import { useProjectFolder } from './testing/load';

const folder = useProjectFolder();
const { write, load, failure } = folder;

describe('include', () => {
  it('copies the services, networks and volumes of an included project, with paths from its own folder', async () => {
    write({
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web\n    depends_on: [db]\n    networks: [back]\n',
      'db/compose.yaml':
        'services:\n  db:\n    image: postgres:${PG_TAG}\n    volumes: ["./init:/docker-entrypoint-initdb.d", "data:/var/lib/postgresql/data"]\n    env_file: db.env\n    networks: [back]\n    secrets: [pw]\nnetworks:\n  back: {}\nvolumes:\n  data: {}\nsecrets:\n  pw: {file: ./pw.txt}\n',
      'db/.env': 'PG_TAG=16\n',
      'db/db.env': 'POSTGRES_DB=app\n',
      'db/pw.txt': 'secret\n',
    });
    const p = await load();
    expect(Object.keys(p.services).sort()).toEqual(['db', 'web']);
    const db = p.services.db;
    expect(db?.image).toBe('postgres:16');
    expect(db?.volumes?.[0]?.source).toBe(path.join(folder.dir, 'db/init'));
    expect(db?.environment).toEqual({ POSTGRES_DB: 'app' });
    expect(p.networks.back).toBeDefined();
    expect(p.volumes.data?.name).toBe(`${p.name}_data`);
    expect(p.secrets.pw?.file).toBe(path.join(folder.dir, 'db/pw.txt'));
  });

  it('takes project_directory and env_file from the long syntax, the including environment winning', async () => {
    write({
      'compose.yaml': 'include:\n  - path: lib/app.yaml\n    project_directory: lib/root\n    env_file: lib/app.env\nservices: {}\n',
      'lib/app.yaml': 'services:\n  app:\n    image: "app:${TAG}"\n    build: ./src\n    environment: {WHO: "${WHO}"}\n',
      'lib/app.env': 'TAG=2\nWHO=file\n',
      'lib/root/src/Dockerfile': 'FROM scratch\n',
    });
    const app = (await load({ env: { WHO: 'shell' } })).services.app;
    expect(app?.image).toBe('app:2');
    expect(app?.environment).toEqual({ WHO: 'shell' });
    expect(app?.build?.context).toBe(path.join(folder.dir, 'lib/root/src'));
  });

  it('includes recursively and merges several files of one entry in -f order', async () => {
    write({
      'compose.yaml': 'include:\n  - path: [a/base.yaml, a/override.yaml]\n',
      'a/base.yaml': 'include: [../b/compose.yaml]\nservices:\n  a: {image: a, environment: {X: "1"}}\n',
      'a/override.yaml': 'services:\n  a: {environment: {Y: "2"}}\n',
      'b/compose.yaml': 'services:\n  b: {image: b}\n',
    });
    const p = await load();
    expect(Object.keys(p.services).sort()).toEqual(['a', 'b']);
    expect(p.services.a?.environment).toEqual({ X: '1', Y: '2' });
  });

  it('accepts an identical definition on both sides and refuses a conflicting one, naming both', async () => {
    write({
      'compose.yaml': 'include: [other.yaml]\nservices:\n  web: {image: mine}\nnetworks:\n  shared: {}\n',
      'other.yaml': 'services:\n  web: {image: theirs}\nnetworks:\n  shared: {}\n',
    });
    const err = await failure();
    expect(err.message).toMatch(/compose\.yaml:3:\d+: services\.web: services\.web is defined here and, differently, in the included other\.yaml/);
  });

  it('names a missing included file, an include cycle and errors inside included files with their own file and line', async () => {
    write({ 'compose.yaml': 'include: [nope.yaml]\nservices: {}\n' });
    expect((await failure()).message).toMatch(/nope\.yaml does not exist/);

    write({ 'compose.yaml': 'include: [loop.yaml]\nservices: {}\n', 'loop.yaml': 'include: [compose.yaml]\nservices: {}\n' });
    expect((await failure()).message).toMatch(/include cycle: compose\.yaml -> loop\.yaml -> compose\.yaml/);

    write({ 'compose.yaml': 'include: [bad.yaml]\nservices: {}\n', 'bad.yaml': 'services:\n  x:\n    image: x\n    ports: {bad: 1}\n' });
    expect((await failure()).message).toMatch(/^bad\.yaml:4:\d+: services\.x\.ports/);
  });
});
