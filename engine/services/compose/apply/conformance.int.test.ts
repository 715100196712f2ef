import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, type TestEngine } from '../../../../e2e/harness/engine';
import type { ComposeProjectSummary, ComposeSource } from '../../../contract';
import { call, startBackend, type TestBackend } from '../../testing/backend';
import { runOk } from '../testing/projects';
import { snapshot } from '../testing/snapshot';

const run = promisify(execFile);
const COMPOSE_V1 = '/usr/bin/docker-compose';
const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../testdata');

let engine: TestEngine;
let t: TestBackend;

beforeAll(async () => {
  if (!existsSync(COMPOSE_V1)) throw new Error(`${COMPOSE_V1} is missing: install Debian's docker-compose (npm test does)`);
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  t = await startBackend(engine.endpoint);
  await t.log.status('connected');
});
afterAll(async () => {
  await t?.dispose();
  await engine?.stop();
});

/** docker-compose 1.29.2 against the harness engine, in the sample's folder, with a clean environment. */
function v1(dir: string, files: string[], project: string, args: string[], profiles: string[] = []) {
  const fileArgs = files.flatMap((f) => ['-f', f]);
  const profileArgs = profiles.flatMap((p) => ['--profile', p]);
  return run(COMPOSE_V1, [...fileArgs, ...profileArgs, '-p', project, ...args], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', DOCKER_HOST: engine.endpoint },
  });
}

interface Sample {
  dir: string;
  files?: string[];
  profiles?: string[];
  /** Containers expected (normalised names), to make sure the comparison is not of two empty sets. */
  expect: string[];
}

const samples: Record<string, Sample> = {
  deps: { dir: 'deps', expect: ['P-app-1', 'P-db-1', 'P-migrate-1'] },
  env: { dir: 'env', expect: ['P-web-1'] },
  profiles: { dir: 'profiles', profiles: ['debug'], expect: ['P-app-1', 'P-debug-1'] },
  'profiles-off': { dir: 'profiles', expect: ['P-app-1'] },
  volumes: { dir: 'volumes', expect: ['P-store-1'] },
  networks: { dir: 'networks', expect: ['P-api-1', 'P-worker-1'] },
  extends: { dir: 'extends', expect: ['P-one-1', 'P-two-1'] },
  multi: { dir: 'multi', files: ['compose.yaml', 'compose.prod.yaml'], expect: ['P-cache-1', 'P-web-1'] },
};

describe('Berth compose up vs docker-compose 1.29.2 up -d on the same engine', () => {
  it.each(Object.keys(samples))('%s', async (key) => {
    const s = samples[key] as Sample;
    const dir = path.join(testdata, s.dir);
    const files = s.files ?? ['compose.yaml'];
    const berthName = `b${key.replace(/-/g, '')}`;
    const v1Name = `v${key.replace(/-/g, '')}`;
    const source: ComposeSource = { files: files.map((f) => path.join(dir, f)), workingDir: dir, projectName: berthName, ...(s.profiles ? { profiles: s.profiles } : {}) };

    await runOk(t.backend, t.log, 'compose.up', { source });
    const berth = await snapshot(engine.docker, berthName);
    // docker-compose 1.29.2 finds Berth's containers by their labels.
    const ps = await v1(dir, files, berthName, ['ps'], s.profiles);
    for (const name of Object.keys(berth.containers)) expect(ps.stdout).toContain(name.replace(/^P/, berthName));
    await runOk(t.backend, t.log, 'compose.down', { name: berthName, volumes: true });

    await v1(dir, files, v1Name, ['up', '-d'], s.profiles);
    const reference = await snapshot(engine.docker, v1Name);
    // Berth lists the CLI's project, marked as such, and takes it down by name alone (no files).
    const listed = await call<ComposeProjectSummary[]>(t.backend, 'compose.projects.list');
    expect(listed.find((p) => p.name === v1Name)).toMatchObject({ origin: 'cli', createdBy: 'docker-compose 1.29.2' });
    await runOk(t.backend, t.log, 'compose.down', { name: v1Name, volumes: true });
    expect(await snapshot(engine.docker, v1Name)).toEqual({ containers: {}, networks: {}, volumes: {} });

    expect(Object.keys(berth.containers).sort()).toEqual(s.expect);
    expect(berth).toEqual(reference);
  });
});
