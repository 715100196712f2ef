import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cacheFileFor } from './code-cache';

// runCommonJsBundle hooks the process's exit, so each run is a fresh process: a runner bundled from this folder's
// code-cache.ts starts a small CommonJS "bundle" written here, as dist/cli.mjs starts the real one.
const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let runner: string;
let bundle: string;
let cache: string;

const BUNDLE = [
  `const { join } = require('node:path');`,
  `module.exports.where = join(__dirname, 'x');`,
  `console.log(JSON.stringify({ file: __filename, dir: __dirname, where: module.exports.where, self: this === module.exports }));`,
  `if (process.env.THROW) throw new Error('line 5');`,
].join('\n');

function run(env: Record<string, string> = {}): { state: string; out: string[]; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [runner, bundle, cache], { encoding: 'utf8', env: { ...process.env, ...env } });
  const lines = r.stdout.trim().split('\n');
  const state = lines.find((l) => l.startsWith('STATE '))?.slice(6) ?? '';
  return { state, out: lines.filter((l) => !l.startsWith('STATE ')), status: r.status, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-code-cache-'));
  runner = path.join(dir, 'runner.mjs');
  bundle = path.join(dir, 'bundle-abc.cjs');
  cache = path.join(dir, 'cache', 'bundle-abc.test.bin');
  writeFileSync(bundle, BUNDLE);
  writeFileSync(
    path.join(dir, 'runner.ts'),
    [
      `import { runCommonJsBundle } from ${JSON.stringify(path.join(here, 'code-cache.ts'))};`,
      `const [bundle, cache] = process.argv.slice(2);`,
      `const state = runCommonJsBundle(bundle, cache === '-' ? undefined : cache);`,
      `process.stdout.write('STATE ' + state + '\\n');`,
      `process.exitCode = Number(process.env.CODE ?? 0);`,
    ].join('\n'),
  );
  await esbuild.build({ entryPoints: [path.join(dir, 'runner.ts')], outfile: runner, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the bundle as Node runs a CommonJS module: require, module, __filename, __dirname, this', () => {
  const r = run();
  expect(r.status).toBe(0);
  expect(JSON.parse(r.out[0] ?? '{}')).toEqual({ file: bundle, dir, where: path.join(dir, 'x'), self: true });
});

it('writes the cache after a run that ends with code 0, and the next run uses it', () => {
  rmSync(path.dirname(cache), { recursive: true, force: true });
  expect(run().state).toBe('missing');
  expect(existsSync(cache)).toBe(true);
  expect(readFileSync(cache).length).toBeGreaterThan(0);
  expect(run().state).toBe('used');
});

it('writes no cache when the command fails', () => {
  rmSync(path.dirname(cache), { recursive: true, force: true });
  expect(run({ CODE: '1' })).toMatchObject({ state: 'missing', status: 1 });
  expect(existsSync(cache)).toBe(false);
});

it('replaces a cache V8 refuses (damaged, or from another Node) instead of failing', () => {
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, 'not a code cache');
  const r = run();
  expect(r).toMatchObject({ state: 'rejected', status: 0 });
  expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({ file: bundle });
  expect(run().state).toBe('used');
});

it('runs without a cache where none can be written (a read-only install) and leaves no temporary file', () => {
  const blocked = path.join(dir, 'blocked');
  writeFileSync(blocked, 'a file where the cache folder would be');
  const r = spawnSync(process.execPath, [runner, bundle, path.join(blocked, 'c.bin')], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('STATE missing');
  expect(r.stderr).toBe('');
});

it('keeps the bundle line numbers in stack traces', () => {
  const thrown = run({ THROW: '1' });
  expect(thrown.status).not.toBe(0);
  expect(thrown.stderr).toContain(`${bundle}:4`);
});

it('turns off with no cache file', () => {
  expect(execFileSync(process.execPath, [runner, bundle, '-'], { encoding: 'utf8' })).toContain('STATE off');
});

it('keeps one cache per command; options share one', () => {
  const at = (argv: string[]) => path.basename(cacheFileFor('/c', '/d/cli-X1.cjs', argv));
  const suffix = `${process.version}-${process.arch}.bin`;
  expect(at(['compose', 'up'])).toBe(`cli-X1.compose.${suffix}`);
  expect(at(['web'])).toBe(`cli-X1.web.${suffix}`);
  expect(at(['--version'])).toBe(`cli-X1.default.${suffix}`);
  expect(at([])).toBe(`cli-X1.default.${suffix}`);
  expect(at(['../../etc'])).toBe(`cli-X1.default.${suffix}`);
  expect(path.dirname(cacheFileFor('/c', '/d/cli-X1.cjs', ['web']))).toBe('/c');
});
