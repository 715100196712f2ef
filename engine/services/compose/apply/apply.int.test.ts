import { describe, expect, it } from 'vitest';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { ComposeProjectDetail, ComposeProjectSummary } from '../../../contract';
import { call } from '../../testing/backend';
import { names, projectContainers, runOk, runTask, useProjectDirs } from '../testing/projects';

const env = useEngineBackend();
const folder = useProjectDirs();

const ids = async (project: string) => Object.fromEntries((await projectContainers(env.engine.docker, project)).map((c) => [(c.Names[0] ?? '').slice(1), c.Id]));

const twoServices = (webEnv: string) => `
services:
  web:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    environment:
      MODE: ${webEnv}
    depends_on: [cache]
    ports: ["127.0.0.1::80"]
  cache:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    volumes: [data:/data]
volumes:
  data:
`;

describe('compose apply against a real engine', () => {
  it('up creates labelled containers, network and volume; a second up recreates nothing; a changed service is recreated alone', async () => {
    const d = folder({ 'compose.yaml': twoServices('one') });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('conv') });
    const first = await ids('conv');
    expect(Object.keys(first).sort()).toEqual(['conv-cache-1', 'conv-web-1']);
    const web = await env.engine.docker.getContainer(first['conv-web-1'] ?? '').inspect();
    expect(web.State.Running).toBe(true);
    expect(web.Config.Labels).toMatchObject({
      'com.docker.compose.project': 'conv',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': d.dir,
      'com.docker.compose.depends_on': 'cache:service_started:false',
    });
    expect(web.Config.Labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(web.Config.Env).toContain('MODE=one');
    expect(web.NetworkSettings.Networks['conv_default']?.Aliases).toContain('web');
    const net = await env.engine.docker.getNetwork('conv_default').inspect();
    expect(net.Labels).toMatchObject({ 'com.docker.compose.project': 'conv', 'com.docker.compose.network': 'default' });
    const vol = await env.engine.docker.getVolume('conv_data').inspect();
    expect(vol.Labels).toMatchObject({ 'com.docker.compose.project': 'conv', 'com.docker.compose.volume': 'data' });

    const again = await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('conv') });
    expect(await ids('conv')).toEqual(first);
    expect(again.steps?.map((s) => s.detail)).toEqual(['Running', 'Running']);

    d.write('compose.yaml', twoServices('two'));
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('conv') });
    const third = await ids('conv');
    expect(third['conv-cache-1']).toBe(first['conv-cache-1']);
    expect(third['conv-web-1']).not.toBe(first['conv-web-1']);
    expect((await env.engine.docker.getContainer(third['conv-web-1'] ?? '').inspect()).Config.Env).toContain('MODE=two');

    const listed = await call<ComposeProjectSummary[]>(env.t.backend, 'compose.projects.list');
    expect(listed.find((p) => p.name === 'conv')).toMatchObject({ status: 'running', origin: 'berth', containers: { running: 2, total: 2 }, services: 2 });

    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'conv', volumes: true });
    expect(await projectContainers(env.engine.docker, 'conv')).toEqual([]);
    await expect(env.engine.docker.getNetwork('conv_default').inspect()).rejects.toThrow();
    await expect(env.engine.docker.getVolume('conv_data').inspect()).rejects.toThrow();
  });

  it('waits for service_healthy before starting the dependent', async () => {
    const d = folder({
      'compose.yaml': `
services:
  db:
    image: ${TEST_IMAGE}
    init: true
    command: sh -c "sleep 2 && touch /tmp/ready && sleep 1000"
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 500ms
      retries: 20
  app:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
`,
    });
    const task = await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('health') });
    expect(task.steps?.find((s) => s.id === 'db')?.detail).toBe('Healthy');
    const db = await env.engine.docker.getContainer('health-db-1').inspect();
    const app = await env.engine.docker.getContainer('health-app-1').inspect();
    expect(db.State.Health?.Status).toBe('healthy');
    const dbStarted = Date.parse(db.State.StartedAt);
    const appStarted = Date.parse(app.State.StartedAt);
    expect(appStarted - dbStarted).toBeGreaterThanOrEqual(1900);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'health' });
  });

  it('service_completed_successfully waits for exit 0 and fails naming the exit code', async () => {
    const ok = folder({
      'compose.yaml': `
services:
  migrate:
    image: ${TEST_IMAGE}
    command: sh -c "sleep 1; exit 0"
  app:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on:
      migrate: { condition: service_completed_successfully }
`,
    });
    const task = await runOk(env.t.backend, env.t.log, 'compose.up', { source: ok.source('migr') });
    expect(task.steps?.find((s) => s.id === 'migrate')?.detail).toBe('Exited (0)');
    expect((await env.engine.docker.getContainer('migr-app-1').inspect()).State.Running).toBe(true);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'migr' });

    ok.write('compose.yaml', `
services:
  migrate:
    image: ${TEST_IMAGE}
    command: sh -c "exit 3"
  app:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on:
      migrate: { condition: service_completed_successfully }
`);
    const failed = await runTask(env.t.backend, env.t.log, 'compose.up', { source: ok.source('migr2') });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/"migrate" didn't complete successfully: exit 3/);
    expect(failed.error?.message).toMatch(/Service "app"/);
    expect(names(await projectContainers(env.engine.docker, 'migr2'))).toEqual(['migr2-migrate-1']);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'migr2' });
  });

  it('stops at a failure midway, leaves what it made labelled, and converges once the file is fixed', async () => {
    const blocker = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '1000'], HostConfig: { Init: true, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18081' }] } }, ExposedPorts: { '80/tcp': {} } });
    await blocker.start();
    const file = (port: number) => `
services:
  base:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
  web:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on: [base]
    ports: ["127.0.0.1:${port}:80"]
  after:
    image: ${TEST_IMAGE}
    init: true
    command: sleep 1000
    depends_on: [web]
`;
    const d = folder({ 'compose.yaml': file(18081) });
    const failed = await runTask(env.t.backend, env.t.log, 'compose.up', { source: d.source('partial') });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/^Service "web" failed to start: .*(address already in use|port is already allocated)/);
    expect(failed.steps?.map((s) => [s.id, s.state])).toEqual([['base', 'done'], ['web', 'failed'], ['after', 'skipped']]);
    const left = await projectContainers(env.engine.docker, 'partial');
    expect(names(left)).toEqual(['partial-base-1', 'partial-web-1']);
    const baseId = left.find((c) => c.Names[0] === '/partial-base-1')?.Id;

    d.write('compose.yaml', file(18082));
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('partial') });
    const fixed = await projectContainers(env.engine.docker, 'partial');
    expect(names(fixed)).toEqual(['partial-after-1', 'partial-base-1', 'partial-web-1']);
    expect(fixed.every((c) => c.State === 'running')).toBe(true);
    expect(fixed.find((c) => c.Names[0] === '/partial-base-1')?.Id).toBe(baseId);
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'partial' });
    await blocker.remove({ force: true });
  });

  it('a missing image fails naming the service and the image', async () => {
    const d = folder({ 'compose.yaml': `services:\n  ghost:\n    image: berth-test/does-not-exist:1\n    pull_policy: never\n` });
    const failed = await runTask(env.t.backend, env.t.log, 'compose.up', { source: d.source('ghost') });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/Service "ghost" failed to get its image: Image "berth-test\/does-not-exist:1"/);
  });

  it('reports orphans, keeps them without removeOrphans and removes them with it', async () => {
    const both = `services:\n  a:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n  b:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n`;
    const d = folder({ 'compose.yaml': both });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('orph') });
    d.write('compose.yaml', `services:\n  a:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n`);
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('orph') });
    expect(names(await projectContainers(env.engine.docker, 'orph'))).toEqual(['orph-a-1', 'orph-b-1']);
    const detail = await call<{ orphans?: string[] }>(env.t.backend, 'compose.projects.get', { name: 'orph' });
    expect(detail.orphans).toEqual(['b']);
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('orph'), removeOrphans: true });
    expect(names(await projectContainers(env.engine.docker, 'orph'))).toEqual(['orph-a-1']);
    await runOk(env.t.backend, env.t.log, 'compose.down', { source: d.source('orph') });
  });

  it('scales by container number and runs lifecycle actions by name', async () => {
    const d = folder({ 'compose.yaml': `services:\n  w:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n` });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('sc') });
    await runOk(env.t.backend, env.t.log, 'compose.scale', { name: 'sc', service: 'w', replicas: 3 });
    expect(names(await projectContainers(env.engine.docker, 'sc'))).toEqual(['sc-w-1', 'sc-w-2', 'sc-w-3']);
    // The services view reads the scale, not the file's 1 ("3/3", and Scale offers 3).
    const scaled = await call<ComposeProjectDetail>(env.t.backend, 'compose.projects.get', { name: 'sc' });
    expect(scaled.services.map((s) => [s.name, s.replicas])).toEqual([['w', { desired: 3, running: 3 }]]);
    await runOk(env.t.backend, env.t.log, 'compose.scale', { name: 'sc', service: 'w', replicas: 1 });
    expect(names(await projectContainers(env.engine.docker, 'sc'))).toEqual(['sc-w-1']);
    await runOk(env.t.backend, env.t.log, 'compose.stop', { name: 'sc' });
    expect((await projectContainers(env.engine.docker, 'sc'))[0]?.State).toBe('exited');
    await runOk(env.t.backend, env.t.log, 'compose.start', { name: 'sc' });
    await runOk(env.t.backend, env.t.log, 'compose.pause', { name: 'sc' });
    expect((await projectContainers(env.engine.docker, 'sc'))[0]?.State).toBe('paused');
    await runOk(env.t.backend, env.t.log, 'compose.unpause', { name: 'sc' });
    expect((await projectContainers(env.engine.docker, 'sc'))[0]?.State).toBe('running');
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'sc' });
  });
  it('down stops a depends_on chain from the dependents down to what they depend on, and removes it all', async () => {
    const svc = (name: string, dep?: string) => `  ${name}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n${dep ? `    depends_on: [${dep}]\n` : ''}`;
    const d = folder({ 'compose.yaml': `services:\n${svc('top', 'mid')}${svc('mid', 'base')}${svc('base')}` });
    await runOk(env.t.backend, env.t.log, 'compose.up', { source: d.source('chain') });
    const since = Math.floor(Date.now() / 1000) - 1;
    await runOk(env.t.backend, env.t.log, 'compose.down', { name: 'chain' });
    const until = Math.floor(Date.now() / 1000) + 1;
    const stream = await env.engine.docker.getEvents({ since, until, filters: { type: ['container'], event: ['die'], label: ['com.docker.compose.project=chain'] } });
    let text = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString();
    const died = text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { Actor: { Attributes: Record<string, string> } }).Actor.Attributes['com.docker.compose.service']);
    expect(died).toEqual(['top', 'mid', 'base']);
    expect(await projectContainers(env.engine.docker, 'chain')).toEqual([]);
    await expect(env.engine.docker.getNetwork('chain_default').inspect()).rejects.toThrow();
  });
});
