// Compose up/down of two 10-service projects (plain; volumes + networks + a depends_on chain): Berth's compose
// engine (in-process, and `berth compose` as a process) vs docker-compose 1.29.2 as a process, side by side on
// one harness engine, alternating. Prints figures; never fails on timing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestImage, startTestEngine, TEST_IMAGE } from '../e2e/harness/engine';
import { runOk } from '../engine/services/compose/testing/projects';
import { startBackend } from '../engine/services/testing/backend';

const run = promisify(execFile);
const SERVICES = 10;
const REPS = Number(process.env.BERTH_BENCH_REPS ?? 5);
const COMPOSE_V1 = '/usr/bin/docker-compose';
const CLI = path.resolve('dist/cli.mjs');

const plainFile = (): string =>
  `services:\n${Array.from({ length: SERVICES }, (_, i) => `  s${i}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 100000\n`).join('')}`;

/** Each service has its own named volume plus a shared one, joins one or two networks, and waits for the previous one. */
const chainFile = (): string => {
  const service = (i: number) =>
    `  s${i}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 100000\n` +
    `    volumes:\n      - data${i}:/data\n      - shared:/shared\n` +
    `    networks: [${i % 2 === 0 ? 'front, back' : 'back'}]\n` +
    (i > 0 ? `    depends_on:\n      s${i - 1}:\n        condition: service_started\n` : '');
  const ids = Array.from({ length: SERVICES }, (_, i) => i);
  return `services:\n${ids.map(service).join('')}networks:\n  front: {}\n  back: {}\nvolumes:\n  shared: {}\n${ids.map((i) => `  data${i}: {}\n`).join('')}`;
};

const FILES = [
  { name: 'plain', text: plainFile() },
  { name: 'volumes+networks+depends_on chain', text: chainFile() },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

interface Tool {
  name: string;
  up(): Promise<unknown>;
  down(): Promise<unknown>;
}

/** What the floor row means for the targets, and Berth's own overhead above it. */
function floorNotes(times: Map<string, { up: number[]; down: number[] }>): string[] {
  const m = (name: string, k: 'up' | 'down') => median(times.get(name)?.[k] ?? []);
  const ref = 'docker-compose 1.29.2';
  const floor = 'engine API floor (no compose)';
  const berth = 'berth (in-process service)';
  const pct = (a: number, b: number) => `${Math.round((a / b) * 100)} %`;
  return [
    `The bare engine calls alone take ${pct(m(floor, 'up'), m(ref, 'up'))} (up) and ${pct(m(floor, 'down'), m(ref, 'down'))} (down) of docker-compose's time on this engine: no compose implementation can go below that floor here.`,
    `Berth's own overhead above the floor: ${Math.round(m(berth, 'up') - m(floor, 'up'))} ms up, ${Math.round(m(berth, 'down') - m(floor, 'down'))} ms down; the CLI row adds the process start (Node and its modules).`,
  ];
}

interface Measured {
  rows: (string | number)[][];
  notes: string[];
  runs: Record<string, { up: number[]; down: number[] }>;
}

/** Alternating rounds of every tool on one compose file (one warm-up round each first). */
async function measure(tools: Tool[], log: (line: string) => void, label: string): Promise<Measured> {
  const times = new Map(tools.map((tool) => [tool.name, { up: [] as number[], down: [] as number[] }]));
  for (const tool of tools) {
    await tool.up();
    await tool.down();
  }
  /**
   * A run that fails (docker-compose 1.29.2 itself sometimes meets dockerd's "network has active endpoints" race)
   * is reported, done again untimed so the next run starts clean, and left out of the figures.
   */
  const sample = async (tool: Tool, op: 'up' | 'down', into: number[]) => {
    try {
      into.push(await timed(() => tool[op]()));
    } catch (err) {
      log(`${label}: ${tool.name} ${op} failed, left out: ${String(err).split('\n').slice(-2).join(' ').slice(0, 200)}`);
      await tool[op]();
    }
  };
  for (let rep = 0; rep < REPS; rep++) {
    for (const tool of tools) {
      const entry = times.get(tool.name);
      if (!entry) continue;
      await sample(tool, 'up', entry.up);
      await sample(tool, 'down', entry.down);
    }
    log(`${label}: round ${rep + 1}/${REPS} done`);
  }
  const ref = times.get('docker-compose 1.29.2');
  const refUp = median(ref?.up ?? []);
  const refDown = median(ref?.down ?? []);
  const rows = tools.map((tool) => {
    const e = times.get(tool.name) ?? { up: [], down: [] };
    const up = median(e.up);
    const down = median(e.down);
    return [label, tool.name, Math.round(up), Math.round(down), +(up / refUp).toFixed(2), +(down / refDown).toFixed(2)];
  });
  return { rows, notes: times.has('engine API floor (no compose)') ? floorNotes(times) : [], runs: Object.fromEntries(times) };
}

export default async function bench({ log }: { log: (line: string) => void }) {
  if (!existsSync(COMPOSE_V1)) throw new Error(`${COMPOSE_V1} is missing (apt-get install docker-compose)`);
  log('starting a harness engine…');
  const engine = await startTestEngine();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-data-'));
  const dirs: string[] = [];
  let backend: Awaited<ReturnType<typeof startBackend>> | undefined;
  try {
    await ensureTestImage(engine.docker);
    backend = await startBackend(engine.endpoint);
    await backend.log.status('connected');
    const t = backend;
    if (!existsSync(CLI)) log('dist/cli.mjs is missing (npm run build): the CLI rows are skipped');
    const results: Measured[] = [];
    for (const [n, file] of FILES.entries()) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-compose-'));
      dirs.push(dir);
      writeFileSync(path.join(dir, 'compose.yaml'), file.text);
      const source = { files: [path.join(dir, 'compose.yaml')], workingDir: dir, projectName: `benchberth${n}` };
      const env = { PATH: '/usr/bin:/bin:/usr/local/bin', DOCKER_HOST: engine.endpoint, HOME: os.homedir() };
      const tools: Tool[] = [
        {
          name: 'berth (in-process service)',
          up: () => runOk(t.backend, t.log, 'compose.up', { source }),
          down: () => runOk(t.backend, t.log, 'compose.down', { name: `benchberth${n}` }),
        },
        {
          name: 'docker-compose 1.29.2',
          up: () => run(COMPOSE_V1, ['-p', `benchv1${n}`, 'up', '-d'], { cwd: dir, env }),
          down: () => run(COMPOSE_V1, ['-p', `benchv1${n}`, 'down'], { cwd: dir, env }),
        },
      ];
      // The floor (plain file only): the same containers made and removed with bare Engine API calls, all in
      // parallel, no compose logic at all. How close a tool gets to it shows its own overhead.
      if (n === 0) tools.push(floorTool(engine.docker));
      if (existsSync(CLI)) {
        const cli = (args: string[]) => run(process.execPath, [CLI, 'compose', '--engine', engine.endpoint, '--data-dir', dataDir, '-p', `benchcli${n}`, ...args], { cwd: dir });
        tools.push({ name: 'berth compose (CLI process)', up: () => cli(['up', '-d']), down: () => cli(['down']) });
      }
      results.push(await measure(tools, log, file.name));
    }
    return {
      title: `compose up -d / down of ${SERVICES} services, median of ${REPS} alternating runs (target: the CLI process ≤ 0.9× docker-compose)`,
      columns: ['file', 'tool', 'up ms', 'down ms', 'up ratio', 'down ratio'],
      rows: results.flatMap((r) => r.rows),
      notes: results.flatMap((r) => r.notes),
      data: { services: SERVICES, reps: REPS, files: Object.fromEntries(FILES.map((f, i) => [f.name, results[i]?.runs])), targets: { cliUpRatio: 0.9, cliDownRatio: 0.9 } },
    };
  } finally {
    await backend?.dispose();
    await engine.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function floorTool(docker: Awaited<ReturnType<typeof startTestEngine>>['docker']): Tool {
  const names = Array.from({ length: SERVICES }, (_, i) => `benchfloor-s${i}-1`);
  const net = 'benchfloor_default';
  return {
    name: 'engine API floor (no compose)',
    up: async () => {
      await docker.createNetwork({ Name: net });
      await Promise.all(names.map(async (name) => {
        const c = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '100000'], HostConfig: { Init: true, NetworkMode: net } });
        await c.start();
      }));
    },
    down: async () => {
      await Promise.all(names.map(async (name) => {
        const c = docker.getContainer(name);
        await c.stop();
        await c.remove();
      }));
      await docker.getNetwork(net).remove();
    },
  };
}
