// Compose up/down of a 10-service project: Berth's compose engine (in-process, and through `berth compose`)
// vs docker-compose 1.29.2, side by side on one harness engine. Prints figures; never fails on timing.
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

const composeFile = (): string =>
  `services:\n${Array.from({ length: SERVICES }, (_, i) => `  s${i}:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 100000\n`).join('')}`;

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

export default async function bench({ log }: { log: (line: string) => void }) {
  if (!existsSync(COMPOSE_V1)) throw new Error(`${COMPOSE_V1} is missing (apt-get install docker-compose)`);
  log('starting a harness engine…');
  const engine = await startTestEngine();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-compose-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-data-'));
  let backend: Awaited<ReturnType<typeof startBackend>> | undefined;
  try {
    await ensureTestImage(engine.docker);
    writeFileSync(path.join(dir, 'compose.yaml'), composeFile());
    backend = await startBackend(engine.endpoint);
    await backend.log.status('connected');
    const t = backend;
    const source = { files: [path.join(dir, 'compose.yaml')], workingDir: dir, projectName: 'benchberth' };
    const env = { PATH: '/usr/bin:/bin:/usr/local/bin', DOCKER_HOST: engine.endpoint, HOME: os.homedir() };
    const tools: Tool[] = [
      {
        name: 'berth (in-process service)',
        up: () => runOk(t.backend, t.log, 'compose.up', { source }),
        down: () => runOk(t.backend, t.log, 'compose.down', { name: 'benchberth' }),
      },
      {
        name: 'docker-compose 1.29.2',
        up: () => run(COMPOSE_V1, ['-p', 'benchv1', 'up', '-d'], { cwd: dir, env }),
        down: () => run(COMPOSE_V1, ['-p', 'benchv1', 'down'], { cwd: dir, env }),
      },
    ];
    // The floor: the same containers made and removed with bare Engine API calls, all in parallel, no compose
    // logic at all. How close a tool gets to it shows its own overhead; the engine's share cannot be saved.
    const floorNames = Array.from({ length: SERVICES }, (_, i) => `benchfloor-s${i}-1`);
    const net = 'benchfloor_default';
    tools.push({
      name: 'engine API floor (no compose)',
      up: async () => {
        await engine.docker.createNetwork({ Name: net });
        await Promise.all(floorNames.map(async (name) => {
          const c = await engine.docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '100000'], HostConfig: { Init: true, NetworkMode: net } });
          await c.start();
        }));
      },
      down: async () => {
        await Promise.all(floorNames.map(async (name) => {
          const c = engine.docker.getContainer(name);
          await c.stop();
          await c.remove();
        }));
        await engine.docker.getNetwork(net).remove();
      },
    });
    if (existsSync(CLI)) {
      const cli = (args: string[]) => run(process.execPath, [CLI, 'compose', '--engine', engine.endpoint, '--data-dir', dataDir, '-p', 'benchcli', ...args], { cwd: dir });
      tools.push({ name: 'berth compose (CLI process)', up: () => cli(['up', '-d']), down: () => cli(['down']) });
    } else log('dist/cli.mjs is missing (npm run build): the CLI row is skipped');

    const times = new Map(tools.map((tool) => [tool.name, { up: [] as number[], down: [] as number[] }]));
    // One warm-up round each (image layers, first network), then interleaved rounds so drift hits all alike.
    for (const tool of tools) {
      await tool.up();
      await tool.down();
    }
    for (let rep = 0; rep < REPS; rep++) {
      for (const tool of tools) {
        const entry = times.get(tool.name);
        if (!entry) continue;
        entry.up.push(await timed(() => tool.up()));
        entry.down.push(await timed(() => tool.down()));
      }
      log(`round ${rep + 1}/${REPS} done`);
    }
    const ref = times.get('docker-compose 1.29.2');
    const refUp = median(ref?.up ?? []);
    const refDown = median(ref?.down ?? []);
    const rows = tools.map((tool) => {
      const e = times.get(tool.name) ?? { up: [], down: [] };
      const up = median(e.up);
      const down = median(e.down);
      return [tool.name, Math.round(up), Math.round(down), +(up / refUp).toFixed(2), +(down / refDown).toFixed(2)];
    });
    return {
      title: `compose up -d / down of ${SERVICES} services, median of ${REPS} runs (targets: ratio ≤ 0.5 vs docker-compose)`,
      columns: ['tool', 'up ms', 'down ms', 'up ratio', 'down ratio'],
      rows,
      notes: floorNotes(times),
      data: { services: SERVICES, reps: REPS, runs: Object.fromEntries(times), targets: { upRatio: 0.5, downRatio: 0.5 } },
    };
  } finally {
    await backend?.dispose();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
