// How fast the `berth` command answers, as a process (what a user or a script waits for): --version, compose
// config with no engine, compose ps against a running project (named with -p, and by its file); Node's own start and docker-compose 1.29.2's ps
// as references. Alternating rounds, medians. Prints figures; never fails on timing.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestImage, startTestEngine, TEST_IMAGE } from '../e2e/harness/engine';
import { median } from './lib/support';

const execFileAsync = promisify(execFile);
/** Runs argv[0] with the rest as its arguments. */
const run = (argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) => execFileAsync(argv[0] ?? '', argv.slice(1), options);
const REPS = Number(process.env.BERTH_BENCH_REPS ?? 9);
const CLI = path.resolve('dist/cli.mjs');
const COMPOSE_V1 = '/usr/bin/docker-compose';
const TIME = '/usr/bin/time';
const TARGETS: Record<string, number> = { 'berth --version': 150, 'berth compose ps': 300 };

interface Row {
  name: string;
  argv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export default async function bench({ log }: { log: (line: string) => void }) {
  if (!existsSync(CLI)) throw new Error('dist/cli.mjs is missing: run `npm run build` before this bench');
  log('starting a harness engine…');
  const engine = await startTestEngine();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-cli-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-cli-data-'));
  try {
    await ensureTestImage(engine.docker);
    // The folder names the project (docker-compose 1.29.2 knows no top-level `name:`).
    const work = path.join(dir, 'benchps');
    mkdirSync(work);
    writeFileSync(path.join(work, 'compose.yaml'), `services:\n${[0, 1, 2].map((i) => `  s${i}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 100000\n`).join('')}`);
    const berth = (...args: string[]) => [process.execPath, CLI, ...args];
    const compose = (...args: string[]) => berth('compose', '--engine', engine.endpoint, '--data-dir', dataDir, '-p', 'benchps', ...args);
    await run(compose('up', '-d'), { cwd: work });
    // No engine at all for config: DOCKER_HOST points at a socket nobody listens on.
    const offline = { ...process.env, DOCKER_HOST: `unix://${path.join(dir, 'dead.sock')}`, BERTH_DATA_DIR: dataDir };
    const v1env = { PATH: '/usr/bin:/bin', DOCKER_HOST: engine.endpoint, HOME: os.homedir() };
    const rows: Row[] = [
      { name: 'node -e "" (Node start, the floor)', argv: [process.execPath, '-e', ''], cwd: work },
      { name: 'berth --version', argv: berth('--version'), cwd: work },
      { name: 'berth compose config (no engine)', argv: berth('compose', 'config'), cwd: work, env: offline },
      { name: 'berth compose ps', argv: compose('ps'), cwd: work },
      // The project's name from the file: loads and validates compose.yaml first, as docker compose does.
      { name: 'berth compose ps (name from the file)', argv: berth('compose', '--engine', engine.endpoint, '--data-dir', dataDir, 'ps'), cwd: work },
      { name: 'docker-compose 1.29.2 ps', argv: [COMPOSE_V1, '-p', 'benchps', 'ps'], cwd: work, env: v1env },
    ];
    const times = new Map(rows.map((r) => [r.name, [] as number[]]));
    // CPU time (user+sys) of each run, from /usr/bin/time: much steadier than wall time on a shared machine.
    const cpu = new Map(rows.map((r) => [r.name, [] as number[]]));
    const timeFile = path.join(dir, 'time.txt');
    const timed = existsSync(TIME) ? (argv: string[]) => [TIME, '-f', '%U %S', '-o', timeFile, ...argv] : (argv: string[]) => argv;
    for (let rep = -1; rep < REPS; rep++) {
      for (const r of rows) {
        const t = performance.now();
        await run(timed(r.argv), { cwd: r.cwd, ...(r.env ? { env: r.env } : {}) });
        // Round -1 warms the file cache and is not counted.
        if (rep < 0) continue;
        times.get(r.name)?.push(performance.now() - t);
        if (existsSync(TIME)) cpu.get(r.name)?.push(readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).reduce((a, x) => a + Number(x) * 1000, 0));
      }
    }
    await run(compose('down'), { cwd: work });
    return {
      title: `berth command start, end to end as a process, median of ${REPS} alternating runs`,
      columns: ['command', 'median ms', 'min ms', 'median CPU ms', 'target ms'],
      rows: rows.map((r) => {
        const xs = times.get(r.name) ?? [];
        const cs = cpu.get(r.name) ?? [];
        return [r.name, Math.round(median(xs)), Math.round(Math.min(...xs)), cs.length ? Math.round(median(cs)) : '', TARGETS[r.name] ?? ''];
      }),
      notes: [`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (timings scale with it)`],
      data: { reps: REPS, runs: Object.fromEntries(times), cpu: Object.fromEntries(cpu), targets: TARGETS, loadavg: os.loadavg() },
    };
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
