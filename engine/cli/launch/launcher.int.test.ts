import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';

// The built `berth` (npm test builds before this step) as a user runs it: dist/cli.mjs starting the one-file
// bundle with its code cache (ADR 20), against a real engine. A private copy of the two files, inside the
// repository so the bundle still finds node_modules, gives this test its own cache folder.
const run = promisify(execFile);
const dist = path.resolve('dist');
let engine: TestEngine;
let copy = '';
let work = '';
let dataDir = '';

beforeAll(async () => {
  const bundle = existsSync(dist) ? readdirSync(dist).find((f) => /^cli-\w+\.cjs$/.test(f)) : undefined;
  if (!bundle || !existsSync(path.join(dist, 'cli.mjs'))) throw new Error('dist/cli.mjs and its bundle are missing: run `npm run build` first');
  copy = mkdtempSync(path.resolve('.launcher-test-'));
  for (const f of ['cli.mjs', bundle]) copyFileSync(path.join(dist, f), path.join(copy, f));
  work = mkdtempSync(path.join(os.tmpdir(), 'berth-launcher-'));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-launcher-data-'));
  writeFileSync(
    path.join(work, 'compose.yaml'),
    `services:\n  db:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n  web:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n    depends_on: [db]\n`,
  );
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  for (const d of [copy, work, dataDir]) if (d) rmSync(d, { recursive: true, force: true });
});

const berth = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [path.join(copy, 'cli.mjs'), ...args], { cwd: work, env: { ...process.env, ...env } });
const compose = (...args: string[]) => berth(['compose', '--engine', engine.endpoint, '--data-dir', dataDir, '-p', 'launched', ...args]);
const caches = () => (existsSync(path.join(copy, 'cli-cache')) ? readdirSync(path.join(copy, 'cli-cache')) : []);
const cacheOf = (command: string) => caches().find((f) => f.includes(`.${command}.`));

it('runs compose up, ps and down on a real engine, writing the compose cache once and then reading it', async () => {
  expect(caches()).toEqual([]);
  await compose('up', '-d');
  const written = cacheOf('compose');
  expect(written).toBeDefined();
  const file = path.join(copy, 'cli-cache', written ?? '');
  const first = statSync(file).mtimeMs;
  const ps = await compose('ps', '--format', 'json');
  const rows = ps.stdout.trim().split('\n').map((l) => JSON.parse(l) as { Service: string; State: string });
  expect(rows.map((r) => [r.Service, r.State]).sort()).toEqual([['db', 'running'], ['web', 'running']]);
  await compose('down');
  expect(await engine.docker.listContainers({ all: true, filters: { label: ['com.docker.compose.project=launched'] } })).toEqual([]);
  // A cache V8 refused would have been written again.
  expect(statSync(file).mtimeMs).toBe(first);
  expect(caches().filter((f) => f.endsWith('.tmp'))).toEqual([]);
}, 120_000);

it('answers --version, keeps options in the default cache, and runs with the cache off', async () => {
  expect((await berth(['--version'])).stdout.trim()).toBe(pkg.version);
  expect(cacheOf('default')).toBeDefined();
  const offline = { DOCKER_HOST: `unix://${path.join(work, 'nobody.sock')}`, BERTH_CODE_CACHE: '0' };
  const config = await berth(['compose', 'config', '--services'], offline);
  expect(config.stdout.trim().split('\n').sort()).toEqual(['db', 'web']);
  expect(cacheOf('compose')).toBeDefined();
  expect(caches().length).toBe(2);
});

it('exits with the command’s code and writes no cache for a failed command', async () => {
  const failed = await berth(['no-such-command']).catch((err: { code: number; stderr: string }) => err);
  expect(failed).toMatchObject({ code: 2 });
  expect(cacheOf('no-such-command')).toBeUndefined();
});
