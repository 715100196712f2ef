import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackDetails, StackPreview, StackSummary } from '../../contract';
import { TEST_IMAGE } from '../../../e2e/harness/image';
import { useTestSwarm } from '../../../e2e/harness/use-test-swarm';
import { call, startBackend, type TestBackend } from '../testing/backend';
import { runTask } from '../compose/testing/projects';

const swarm = useTestSwarm();
let t: TestBackend;
const STACK = `shop${Date.now().toString(36).slice(-5)}`;

beforeAll(async () => {
  t = await startBackend(swarm.info.managerEndpoint);
  await t.log.status('connected', 0, 30_000);
});
afterAll(async () => {
  for (const name of [STACK, `${STACK}-tpl`]) await t.backend.dispatch('stacks.remove', { name }, { role: 'admin', user: 'test', via: 'cli' }).catch(() => undefined);
  await t.dispose();
});

/** The docker CLI 28 on the swarm's manager: the reference for what `docker stack` sees. */
async function docker(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('/usr/local/bin/docker', ['-H', swarm.info.managerEndpoint, ...args], { timeout: 30_000 });
  return stdout.trim();
}
const jsonLines = <T>(text: string): T[] => (text ? text.split('\n').map((l) => JSON.parse(l) as T) : []);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const file = (msg: string, replicas: number) => `services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo $$MSG; sleep 100000"]
    environment: {MSG: ${msg}}
    deploy: {replicas: ${replicas}}
    networks: [back]
    secrets: [token]
    configs: [{source: conf, target: /etc/app.conf}]
    depends_on: [worker]
  worker:
    image: ${TEST_IMAGE}
    command: ["sleep", "100000"]
    networks: [back]
networks:
  back: {}
secrets:
  token: {environment: TOKEN}
configs:
  conf: {content: "a=1"}
`;
const source = (msg: string, replicas: number) => ({ content: file(msg, replicas), env: { TOKEN: 's3cret' } });
const replicasSeen = async () =>
  Object.fromEntries(jsonLines<{ Name: string; Replicas: string }>(await docker('stack', 'services', STACK, '--format', '{{json .}}')).map((s) => [s.Name, s.Replicas]));

describe('swarm stacks on the shared 3-node swarm, checked with the docker CLI', () => {
  let ids: Record<string, string> = {};

  it('previews what a deploy creates and the fields Swarm ignores', async () => {
    const p = await call<StackPreview>(t.backend, 'stacks.preview', { name: STACK, source: source('hello', 2) });
    expect(p.items.map((i) => `${i.kind} ${i.name} ${i.action}`)).toEqual([
      `network ${STACK}_back create`,
      `secret ${STACK}_token create`,
      `config ${STACK}_conf create`,
      `service ${STACK}_web create`,
      `service ${STACK}_worker create`,
    ]);
    expect(p.warnings.some((w) => w.startsWith('Ignoring unsupported options: depends_on (service web)'))).toBe(true);
  });

  it('deploys a stack the docker CLI lists with the right names and replica counts', async () => {
    const started = Date.now();
    const task = await runTask(t.backend, t.log, 'stacks.deploy', { name: STACK, source: source('hello', 2) });
    expect(task.state).toBe('succeeded');
    await until('2/2 and 1/1 replicas', async () => {
      const r = await replicasSeen();
      return r[`${STACK}_web`] === '2/2' && r[`${STACK}_worker`] === '1/1';
    });
    console.info(`[stacks] deploy → all 3 tasks running: ${Date.now() - started} ms`);
    const ls = jsonLines<{ Name: string; Services: string; Orchestrator?: string }>(await docker('stack', 'ls', '--format', '{{json .}}'));
    expect(ls.find((s) => s.Name === STACK)).toMatchObject({ Services: '2' });
    const ps = (await docker('stack', 'ps', STACK, '--filter', 'desired-state=running', '--format', '{{.Name}}')).split('\n').sort();
    expect(ps).toEqual([`${STACK}_web.1`, `${STACK}_web.2`, `${STACK}_worker.1`]);
    expect(await docker('network', 'ls', '--filter', `label=com.docker.stack.namespace=${STACK}`, '--format', '{{.Name}} {{.Driver}}')).toBe(`${STACK}_back overlay`);
    await t.log.waitFor('stacks.changed', (p) => (p.kind === 'reset' ? p.items : p.upserts).some((s) => s.name === STACK && s.running === 3 && s.desired === 3), { timeoutMs: 30_000 });
    const d = await call<StackDetails>(t.backend, 'stacks.inspect', { name: STACK });
    expect(d).toMatchObject({ services: 2, networks: 1, secrets: 1, configs: 1, compose: file('hello', 2) });
    ids = Object.fromEntries(d.serviceItems.map((s) => [s.name, s.id]));
    expect(Object.keys(ids).sort()).toEqual([`${STACK}_web`, `${STACK}_worker`]);
  });

  it('redeploys a changed environment and replica count in place (same service IDs)', async () => {
    const task = await runTask(t.backend, t.log, 'stacks.deploy', { name: STACK, source: source('again', 1) });
    expect(task.state).toBe('succeeded');
    await until('web at 1/1', async () => (await replicasSeen())[`${STACK}_web`] === '1/1');
    const d = await call<StackDetails>(t.backend, 'stacks.inspect', { name: STACK });
    expect(Object.fromEntries(d.serviceItems.map((s) => [s.name, s.id]))).toEqual(ids);
    const env = await docker('service', 'inspect', `${STACK}_web`, '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}');
    expect(JSON.parse(env)).toEqual(['MSG=again']);
  });

  it('refuses a bad file with file:line errors and creates nothing', async () => {
    const bad = await t.backend.dispatch('stacks.deploy', { name: `${STACK}x`, source: { content: 'services:\n  web:\n    image: x\n    ports: "80"\n' } }, { role: 'admin', user: 'test', via: 'cli' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^compose\.yaml:4:\d+: services\.web\.ports/) as string } });
    const list = await call<StackSummary[]>(t.backend, 'stacks.list', {});
    expect(list.map((s) => s.name)).not.toContain(`${STACK}x`);
    expect(await docker('stack', 'ls', '--format', '{{.Name}}')).not.toContain(`${STACK}x`);
  });

  it('removes the stack and leaves nothing with its label', async () => {
    const task = await runTask(t.backend, t.log, 'stacks.remove', { name: STACK });
    expect(task.error?.message ?? task.state).toBe('succeeded');
    expect((await docker('stack', 'ls', '--format', '{{.Name}}')).split('\n')).not.toContain(STACK);
    const label = `label=com.docker.stack.namespace=${STACK}`;
    // The manager drops its local copy of an overlay network shortly after the cluster's (as after `docker stack rm`).
    await until('no network with the label', async () => (await docker('network', 'ls', '--filter', label, '--format', '{{.Name}}')) === '', 20_000);
    for (const kind of ['secret', 'config']) expect(await docker(kind, 'ls', '--filter', label, '--format', '{{.Name}}')).toBe('');
    await t.log.waitFor('stacks.changed', (p) => p.kind === 'patch' && p.removed.includes(STACK), { timeoutMs: 30_000 });
  });

  it('deploys a template as a stack, its parameters interpolated like compose does', async () => {
    const template = `x-berth:\n  title: Greeter\n  parameters:\n    GREETING: {label: Greeting, required: true}\nservices:\n  greeter:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "100000"]\n    environment:\n      GREETING: \${GREETING}\n`;
    await call(t.backend, 'templates.import', { source: { text: template }, name: 'greeter' });
    const name = `${STACK}-tpl`;
    const from = Date.now();
    const { taskId, projectName } = await call<{ taskId: string; projectName: string }>(t.backend, 'templates.deploy', { id: 'library/greeter', values: { GREETING: 'hej' }, projectName: name, target: 'stack' });
    expect(projectName).toBe(name);
    const done = await t.log.waitFor('tasks.changed', (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === taskId && x.state !== 'running'), { from: from - 1, timeoutMs: 60_000 });
    expect(done.payload.kind === 'patch' && done.payload.upserts.find((x) => x.id === taskId)).toMatchObject({ kind: 'stacks.deploy', state: 'succeeded' });
    expect(JSON.parse(await docker('service', 'inspect', `${name}_greeter`, '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}'))).toEqual(['GREETING=hej']);
    expect((await docker('stack', 'ls', '--format', '{{.Name}}')).split('\n')).toContain(name);
    expect((await runTask(t.backend, t.log, 'stacks.remove', { name })).state).toBe('succeeded');
  });
});
