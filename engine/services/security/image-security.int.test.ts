import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import { imageRules, type ImageAudit, type TaskInfo, type TaskRef } from '../../contract';
import { call, startBackend } from '../testing/backend';
import { recordingProxy } from '../testing/recording-proxy';
import { useEngineBackend } from '../testing/use-engine-backend';
import { SCAN_LABEL } from './deep-scan';

const run = promisify(execFile);
const env = useEngineBackend();
const docker = async (...args: string[]) =>
  (
    await run('docker', ['-H', env.engine.endpoint, ...args], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    })
  ).stdout.trim();
const images = () => call<ImageAudit[]>(env.t.backend, 'security.images');

/** Every image rule satisfied: a non-root user, a healthcheck, COPY, no secret, no update alone. */
const HARDENED = [
  `FROM ${TEST_IMAGE}`,
  'COPY app.conf /etc/app.conf',
  'RUN echo built > /etc/built',
  'USER 1000:1000',
  'HEALTHCHECK CMD true',
];
/** The hardened Dockerfile without some lines, with others added before USER (they run as root). */
const dockerfile = (without: string[] = [], add: string[] = []) => {
  const kept = HARDENED.filter((l) => !without.includes(l));
  const at = kept.findIndex((l) => l.startsWith('USER') || l.startsWith('HEALTHCHECK'));
  return at < 0 ? [...kept, ...add] : [...kept.slice(0, at), ...add, ...kept.slice(at)];
};

/** Per rule, the Dockerfile lines that trigger it on top of the hardened ones (and lines to leave out). */
const triggers: Record<string, { without?: string[]; add?: string[]; buildArgs?: string[] }> = {
  'image-root-user': { without: ['USER 1000:1000'] },
  'image-no-healthcheck': { without: ['HEALTHCHECK CMD true'] },
  'update-alone': { add: ['RUN apt-get update || true'] },
  'add-instead-of-copy': { add: ['ADD app.conf /etc/added.conf'] },
  'image-secrets': {
    add: ['ARG API_TOKEN', 'ENV DB_PASSWORD=hunter2-in-env', 'RUN test -n "$API_TOKEN"'],
    buildArgs: ['API_TOKEN=tok-hunter2-arg'],
  },
  'setuid-files': {
    add: [
      'RUN cp /bin/busybox /bin/suid-tool && chmod 4755 /bin/suid-tool && cp /bin/busybox /bin/sgid-tool && chmod 2755 /bin/sgid-tool',
    ],
  },
};

let contextDir: string | undefined;
afterAll(async () => {
  if (contextDir) await rm(contextDir, { recursive: true, force: true });
});
async function build(tag: string, lines: string[], buildArgs: string[] = []): Promise<string> {
  contextDir ??= await mkdtemp(join(tmpdir(), 'berth-imgsec-'));
  const dir = await mkdtemp(join(contextDir, 'ctx-'));
  await writeFile(join(dir, 'app.conf'), 'listen 80\n');
  await writeFile(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
  await docker('build', '-q', '-t', tag, ...buildArgs.flatMap((a) => ['--build-arg', a]), dir);
  return docker('image', 'inspect', '-f', '{{.Id}}', tag);
}

const fired = (all: ImageAudit[], id: string) =>
  all.find((a) => a.id === id)?.findings.map((f) => f.ruleId) ?? [];

async function scan(id: string): Promise<TaskInfo> {
  const from = Date.now();
  const { taskId } = await call<TaskRef>(env.t.backend, 'security.scanImage', { id });
  const done = await env.t.log.waitFor(
    'tasks.changed',
    (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === taskId && x.state !== 'running'),
    { from: from - 1, timeoutMs: 60_000 },
  );
  const info = done.payload.kind === 'patch' ? done.payload.upserts.find((x) => x.id === taskId) : undefined;
  return info!;
}

describe('image security findings against a real engine', () => {
  const ids: Record<string, string> = {};

  it('fires each image rule on an image built to trigger it and stays silent on a hardened one', async () => {
    expect(Object.keys(triggers).sort()).toEqual(imageRules.map((r) => r.id).sort());
    ids.hardened = await build('imgsec/hardened:1', HARDENED);
    for (const [ruleId, t] of Object.entries(triggers)) {
      ids[ruleId] = await build(`imgsec/${ruleId}:1`, dockerfile(t.without, t.add), t.buildArgs);
    }
    const all = await images();
    expect(fired(all, ids.hardened)).toEqual([]);
    for (const ruleId of Object.keys(triggers)) {
      // setuid files need the filesystem: only a deep scan reports them.
      expect({ ruleId, fired: fired(all, ids[ruleId] ?? '') }).toEqual({
        ruleId,
        fired: ruleId === 'setuid-files' ? [] : [ruleId],
      });
    }
    expect(all.find((a) => a.id === ids['image-secrets'])?.findings[0]?.message).toMatch(
      /ENV DB_PASSWORD .*build argument API_TOKEN/,
    );
    expect(all.find((a) => a.id === ids.hardened)?.tags).toEqual(['imgsec/hardened:1']);
    // Findings name variables, never their values.
    expect(JSON.stringify(all)).not.toContain('hunter2');
  });

  it('a deep scan finds setuid/setgid files in one image and none in the hardened one, and leaves no container', async () => {
    const before = await docker('ps', '-aq');
    const setuid = await scan(ids['setuid-files'] ?? '');
    expect(setuid.state).toBe('succeeded');
    expect(setuid.result).toMatchObject({
      total: 2,
      files: [
        { path: '/bin/sgid-tool', mode: 0o2755 },
        { path: '/bin/suid-tool', mode: 0o4755 },
      ],
    });
    const audit = (await images()).find((a) => a.id === ids['setuid-files']);
    expect(audit?.findings.map((f) => f.ruleId)).toEqual(['setuid-files']);
    expect(audit?.findings[0]?.message).toBe('2 files with setuid/setgid: /bin/sgid-tool, /bin/suid-tool.');
    expect(audit?.deepScan?.entries).toBeGreaterThan(10);

    const hardened = await scan(ids.hardened ?? '');
    expect(hardened).toMatchObject({ state: 'succeeded', result: { total: 0, files: [] } });
    expect(fired(await images(), ids.hardened ?? '')).toEqual([]);
    // The scan containers are gone, and none was ever started.
    expect(await docker('ps', '-aq', '--filter', `label=${SCAN_LABEL}`)).toBe('');
    expect(await docker('ps', '-aq')).toBe(before);
    const starts = await docker(
      'events',
      '--since',
      '5m',
      '--until',
      '0s',
      '--filter',
      'event=start',
      '--format',
      '{{.Actor.Attributes.name}}',
    );
    expect(starts).not.toMatch(/berth-image-scan/);
  });

  it('a failed or cancelled scan also leaves no container', async () => {
    const missing = await scan('0123456789abcdef0123');
    expect(missing).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
    // Cancelled at once (while the container is being made): the task says so and the container is removed.
    const from = Date.now();
    const { taskId } = await call<TaskRef>(env.t.backend, 'security.scanImage', {
      id: ids['setuid-files'] ?? '',
    });
    await call(env.t.backend, 'tasks.cancel', { id: taskId });
    const done = await env.t.log.waitFor(
      'tasks.changed',
      (p) => p.kind === 'patch' && p.upserts.some((x) => x.id === taskId && x.state !== 'running'),
      { from: from - 1, timeoutMs: 30_000 },
    );
    expect(done.payload.kind === 'patch' && done.payload.upserts.find((x) => x.id === taskId)?.state).toBe(
      'cancelled',
    );
    expect(await docker('ps', '-aq', '--filter', `label=${SCAN_LABEL}`)).toBe('');
  });

  it('follows image events: a new build appears with its findings, a re-tag and a delete patch only that image', async () => {
    await images();
    let from = Date.now();
    const id = await build('imgsec/live:1', [
      `FROM ${TEST_IMAGE}`,
      'ENV SESSION_SECRET=s3',
      'USER nobody',
      'HEALTHCHECK CMD true',
    ]);
    const added = await env.t.log.waitFor(
      'security.images.changed',
      (p) => p.kind === 'patch' && p.upserts.some((a) => a.id === id && a.tags.includes('imgsec/live:1')),
      { from, timeoutMs: 10_000 },
    );
    expect(
      added.payload.kind === 'patch' &&
        added.payload.upserts.find((a) => a.id === id)?.findings.map((f) => f.ruleId),
    ).toEqual(['image-secrets']);
    from = Date.now();
    await docker('tag', 'imgsec/live:1', 'imgsec/live:2');
    const tagged = await env.t.log.waitFor(
      'security.images.changed',
      (p) => p.kind === 'patch' && p.upserts.some((a) => a.id === id && a.tags.includes('imgsec/live:2')),
      { from, timeoutMs: 10_000 },
    );
    expect(tagged.payload.kind === 'patch' && tagged.payload.upserts.map((a) => a.id)).toEqual([id]);
    from = Date.now();
    await docker('rmi', 'imgsec/live:1', 'imgsec/live:2');
    await env.t.log.waitFor('security.images.changed', (p) => p.kind === 'patch' && p.removed.includes(id), {
      from,
      timeoutMs: 10_000,
    });
    expect((await images()).some((a) => a.id === id)).toBe(false);
  });
});

describe('image security costs', () => {
  it('reads each image once (inspect + history), and answers again from its cache', async () => {
    for (let i = 0; i < 20; i++) await docker('tag', TEST_IMAGE, `imgsec/cost-${i}:1`);
    for (let i = 0; i < 10; i++)
      await build(`imgsec/cost-built-${i}:1`, [`FROM ${TEST_IMAGE}`, `ENV N=${i}`]);
    const total = (await docker('images', '-q', '--no-trunc'))
      .split('\n')
      .filter((l, i, all) => all.indexOf(l) === i).length;
    const proxy = await recordingProxy(env.engine.socketPath);
    const histories = () => proxy.requests.filter((r) => /\/images\/[^/]+\/history/.test(r)).length;
    const oneShot = await startBackend(proxy.endpoint, { liveCollections: false });
    try {
      await oneShot.log.status('connected');
      let started = performance.now();
      await call<ImageAudit[]>(oneShot.backend, 'security.images');
      const cold = performance.now() - started;
      expect(histories()).toBe(total);
      started = performance.now();
      const again = await call<ImageAudit[]>(oneShot.backend, 'security.images');
      const warm = performance.now() - started;
      expect(histories()).toBe(total);
      expect(again).toHaveLength(total);
      console.info(
        `[security] security.images over ${total} images: ${cold.toFixed(0)} ms cold (${total} inspect + history), ${warm.toFixed(0)} ms cached (0 reads)`,
      );
    } finally {
      await oneShot.dispose();
      await proxy.close();
    }
  });
});
