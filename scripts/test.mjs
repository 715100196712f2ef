#!/usr/bin/env node
// `npm test`: everything, in order — provision the machine, lint, typecheck, unit tests, build, integration
// tests against a real dockerd, and Playwright e2e in Chromium against web mode. Each step's engines are
// started and cleaned up by the tests' own harness. Prints one closing line: "tests: N passed, N failed, N skipped".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { provision } from './lib/provision.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results', 'reports');
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs just those steps

function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

/** Reads a vitest or Playwright JSON report into counts. */
function counts(file, kind) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    if (kind === 'vitest') {
      return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
    }
    const s = r.stats ?? {};
    return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  } catch {
    return undefined;
  }
}

const steps = [
  { name: 'provision', fn: async () => (provision(), 0) },
  { name: 'lint', fn: () => run(npx('eslint'), ['.', '--max-warnings', '0']) },
  { name: 'typecheck', fn: () => run(npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']) },
  {
    name: 'unit',
    report: ['unit.json', 'vitest'],
    fn: () => run(npx('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'unit.json')}`]),
  },
  { name: 'build', fn: () => run('node', ['scripts/build.mjs']) },
  {
    name: 'integration',
    report: ['integration.json', 'vitest'],
    fn: () => run(npx('vitest'), ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'integration.json')}`]),
  },
  {
    name: 'e2e',
    report: ['e2e.json', 'playwright'],
    fn: async () => {
      const code = await run(npx('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') });
      if (code !== 0) printTail(join(root, 'test-results', 'e2e-berth-web.log'), 80);
      return code;
    },
  },
];

/** The end of a log that explains a failure (CI shows only this process's output). */
function printTail(file, lines) {
  if (!existsSync(file)) return;
  const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  console.log(`\n--- last ${tail.length} lines of ${file.slice(root.length)} ---\n${tail.join('\n')}\n---`);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const t0 = Date.now();
  console.log(`\n=== ${step.name} ===`);
  let code;
  try {
    code = await step.fn();
  } catch (err) {
    console.error(`${step.name}: ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const c = step.report ? counts(join(reports, step.report[0]), step.report[1]) : undefined;
  if (c) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  } else if (code === 0) total.passed += 1; // lint/typecheck/build count as one check each
  if (code !== 0 && (!c || c.failed === 0)) total.failed += 1; // a step that failed without a failing test
  summary.push(`${step.name.padEnd(12)} ${code === 0 ? 'ok    ' : 'FAILED'} ${secs.padStart(6)} s${c ? `  (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped)` : ''}`);
  // Without a working toolchain or build, later steps would only add noise.
  if (code !== 0 && ['provision', 'build'].includes(step.name)) break;
}
console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s) ===\n${summary.join('\n')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
