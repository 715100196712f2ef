import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionPatch, SwarmConfigDetails, SwarmDataSummary, SwarmServiceSummary, SwarmTask, TransferTicket } from '../../contract';
import { TEST_IMAGE } from '../../../e2e/harness/image';
import { swarmNodeClient } from '../../../e2e/harness/swarm';
import { useTestSwarm } from '../../../e2e/harness/use-test-swarm';
import { redactSecrets } from '../../base/audit-redact';
import { admin, call, startBackend, type TestBackend } from '../testing/backend';
import { upload } from '../testing/transfer';

const swarm = useTestSwarm();
const run = Date.now().toString(36);
const secretName = `db-password-${run}`;
const configName = `app-conf-${run}`;
const serviceName = `uses-data-${run}`;
const secretText = `s3cr3t ${run}\n`;
const configText = `listen = 8080\nrun = ${run}\n`;
let t: TestBackend;
let worker: TestBackend | undefined;

const fail = async (backend: TestBackend, method: string, params: unknown) => {
  const r = await backend.backend.dispatch(method, params, admin);
  if (r.ok) throw new Error(`${method} succeeded but was expected to fail`);
  return r.error as { code: string; message: string; details?: Record<string, unknown> };
};

/** The live list as a renderer holds it: the last reset plus every patch after it. */
function shown(event: 'secrets.changed' | 'configs.changed'): Map<string, SwarmDataSummary> {
  const items = new Map<string, SwarmDataSummary>();
  for (const { payload: p } of t.log.events[event] as { payload: CollectionPatch<SwarmDataSummary> }[]) {
    if (p.kind === 'reset') {
      items.clear();
      for (const s of p.items) items.set(s.id, s);
    } else {
      for (const s of p.upserts) items.set(s.id, s);
      for (const id of p.removed) items.delete(id);
    }
  }
  return items;
}
const byName = (event: 'secrets.changed' | 'configs.changed', name: string) => [...shown(event).values()].find((s) => s.name === name);

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a command in a container on its node and returns what it printed (TTY: one plain stream). */
async function execText(docker: Dockerode, containerId: string, cmd: string[]): Promise<string> {
  const exec = await docker.getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r\n/g, '\n');
}

beforeAll(async () => {
  t = await startBackend(swarm.info.managerEndpoint);
  await t.log.status('connected');
}, 60_000);

afterAll(async () => {
  const docker = swarmNodeClient(swarm.info.managerEndpoint);
  await docker.getService(serviceName).remove().catch(() => undefined);
  for (const n of [secretName, `${secretName}-big`]) await docker.getSecret(n).remove().catch(() => undefined);
  for (const n of [configName, `${configName}-cli`]) await docker.getConfig(n).remove().catch(() => undefined);
  await worker?.dispose();
  await t.dispose();
}, 60_000);

describe('swarm secrets and configs on the shared 3-node swarm', () => {
  it('creates a secret from text and a config from an uploaded file; both lists follow live', async () => {
    await call(t.backend, 'secrets.list');
    await call(t.backend, 'configs.list');
    const s = await call<SwarmDataSummary>(t.backend, 'secrets.create', { name: secretName, labels: { team: 'db' }, content: secretText });
    expect(s).toMatchObject({ name: secretName, labels: { team: 'db' }, usedBy: [] });
    expect(JSON.stringify(await call(t.backend, 'secrets.inspect', { id: s.id }))).not.toContain('s3cr3t');
    await until('the secret in the live list', () => byName('secrets.changed', secretName));
    // The audit log (which redacts before storing) keeps the call, not the secret.
    const entry = t.store.entries.find((e) => e.method === 'secrets.create');
    expect(JSON.stringify(redactSecrets(entry?.params))).toMatch(/redacted/);
    expect(JSON.stringify(redactSecrets(entry?.params))).not.toContain('s3cr3t');

    const ticket = await call<TransferTicket>(t.backend, 'configs.createUpload', { name: configName, labels: {}, size: Buffer.byteLength(configText) });
    const c = (await upload(t.backend, ticket, Buffer.from(configText))) as SwarmDataSummary;
    expect(c.name).toBe(configName);
    const d = await call<SwarmConfigDetails>(t.backend, 'configs.inspect', { id: configName });
    expect(d).toMatchObject({ id: c.id, text: configText, size: Buffer.byteLength(configText) });
  });

  it('follows objects made outside Berth from the event stream (measured)', async () => {
    const docker = swarmNodeClient(swarm.info.managerEndpoint);
    const started = Date.now();
    await docker.createConfig({ Name: `${configName}-cli`, Data: Buffer.from('x').toString('base64') });
    await until('the CLI-made config in the live list', () => byName('configs.changed', `${configName}-cli`));
    const added = Date.now() - started;
    const removeStarted = Date.now();
    await docker.getConfig(`${configName}-cli`).remove();
    await until('the CLI-removed config gone', () => !byName('configs.changed', `${configName}-cli`));
    console.info(`[secrets] config made by another client → list patch: ${added} ms; removed → patch: ${Date.now() - removeStarted} ms`);
    expect(added).toBeLessThan(3000);
  });

  it('refuses a taken name, a secret that is too large, and a too large upload', async () => {
    expect(await fail(t, 'secrets.create', { name: secretName, content: 'other' })).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(await fail(t, 'configs.createUpload', { name: configName })).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const big = await fail(t, 'secrets.create', { name: `${secretName}-big`, content: 'x'.repeat(500 * 1024) });
    expect(big.code).toBe('INVALID_ARGUMENT');
    expect(big.message).toMatch(/too large/);
    const ticket = await call<TransferTicket>(t.backend, 'secrets.createUpload', { name: `${secretName}-big` });
    await expect(upload(t.backend, ticket, Buffer.alloc(600 * 1024, 1))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(byName('secrets.changed', `${secretName}-big`)).toBeUndefined();
  });

  it('mounts both in a service, readable inside the running task on its node; removal refused while in use', async () => {
    const spec = (secret: string) => ({
      name: serviceName,
      image: TEST_IMAGE,
      replicas: 1,
      command: ['sleep', '600'],
      secrets: [{ secret }],
      configs: [{ config: configName, target: '/etc/app.conf' }],
    });
    const unknown = await fail(t, 'services.create', { spec: spec(`no-such-${run}`) });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { field: 'secrets' } });
    const svc = await call<SwarmServiceSummary>(t.backend, 'services.create', { spec: spec(secretName) });
    const usedStarted = Date.now();
    await until('"used by" in the secret list', () => byName('secrets.changed', secretName)?.usedBy.some((u) => u.name === serviceName));
    console.info(`[secrets] service created → secret's "used by" patched: ${Date.now() - usedStarted} ms`);
    await until('"used by" in the config list', () => byName('configs.changed', configName)?.usedBy.some((u) => u.id === svc.id));

    let running: SwarmTask | undefined;
    const end = Date.now() + 60_000;
    while (!running && Date.now() < end) {
      const tasks = await call<SwarmTask[]>(t.backend, 'swarmTasks.list', { serviceId: svc.id });
      running = tasks.find((x) => x.state === 'running' && x.containerId && x.nodeId);
      if (!running) await new Promise((r) => setTimeout(r, 250));
    }
    if (!running?.containerId) throw new Error('no running task');
    const node = swarm.info.nodes.find((n) => n.nodeId === running.nodeId);
    if (!node) throw new Error(`task on unknown node ${running.nodeId}`);
    const docker = swarmNodeClient(node.endpoint);
    expect(await execText(docker, running.containerId, ['cat', `/run/secrets/${secretName}`])).toBe(secretText);
    expect(await execText(docker, running.containerId, ['cat', '/etc/app.conf'])).toBe(configText);

    const refused = await fail(t, 'secrets.remove', { id: secretName });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { services: [serviceName] } });
    expect(refused.message).toContain(serviceName);
    expect((await fail(t, 'configs.remove', { id: configName })).message).toContain(serviceName);

    await call(t.backend, 'services.remove', { id: svc.id });
    await until('"used by" cleared', () => byName('secrets.changed', secretName)?.usedBy.length === 0);
    await call(t.backend, 'secrets.remove', { id: secretName });
    await call(t.backend, 'configs.remove', { id: configName });
    await until('both gone from the lists', () => !byName('secrets.changed', secretName) && !byName('configs.changed', configName));
  }, 120_000);

  it('shows empty lists on a worker and says a manager is needed to create', async () => {
    const w = swarm.info.nodes.find((n) => n.role === 'worker');
    if (!w) throw new Error('no worker');
    worker = await startBackend(w.endpoint);
    await worker.log.status('connected');
    expect(await call(worker.backend, 'secrets.list')).toEqual([]);
    expect(await call(worker.backend, 'configs.list')).toEqual([]);
    const e = await fail(worker, 'secrets.create', { name: `w-${run}`, content: 'x' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/manager/);
  });
});
