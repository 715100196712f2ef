// Listing 1,000 containers (issue #3): the engine's own `GET /containers/json?all=1` on its unix socket vs
// Berth's `containers.list` through the real web host (HTTP POST /api/call, token header) and in-process through
// backend.dispatch. Each figure is the time to get and JSON.parse the whole answer. Never fails on timing.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureTestImage, startTestEngine, TEST_IMAGE } from '../e2e/harness/engine';
import type { Backend } from '../engine/host/backend';
import { createBackend } from '../engine/host/create-backend';
import type { Caller } from '../engine/base/audit';
import { admin, emptyMachine, EventLog } from '../engine/services/testing/backend';
import { openStore } from '../engine/store/sqlite';
import type { Store } from '../engine/store/types';
import { startWebServer, type WebServer } from '../engine/web/server';
import { mapLimit, median, quantile, round1 } from './lib/support';

const COUNT = Number(process.env.BERTH_BENCH_CONTAINERS ?? 1000);
const REPS = Number(process.env.BERTH_BENCH_REPS ?? 20);
const WARMUP = 3;
const CONCURRENCY = 16;
const PREFIX = 'benchlist';

/** One HTTP request, whole body read and JSON-parsed. */
function request(options: http.RequestOptions, body?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        try {
          const text = Buffer.concat(parts).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
          resolve(JSON.parse(text));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function sample(fn: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    const n = await fn();
    times.push(performance.now() - t);
    if (n < COUNT) throw new Error(`expected at least ${COUNT} containers, got ${n}`);
  }
  return times;
}

export default async function bench({ log }: { log: (line: string) => void }) {
  log('starting a harness engine…');
  const engine = await startTestEngine();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-list-'));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'berth-bench-static-'));
  let store: Store | undefined;
  let backend: Backend | undefined;
  let web: WebServer | undefined;
  try {
    await ensureTestImage(engine.docker);
    log(`creating ${COUNT} containers (${CONCURRENCY} at a time)…`);
    const t0 = performance.now();
    await mapLimit(Array.from({ length: COUNT }, (_, i) => i), CONCURRENCY, (i) =>
      engine.docker.createContainer({ name: `${PREFIX}-${i}`, Image: TEST_IMAGE, Cmd: ['sleep', '100000'] }),
    );
    log(`created in ${Math.round(performance.now() - t0)} ms`);

    store = openStore(dataDir);
    backend = await createBackend({ dataDir, store, engineFlag: engine.endpoint, discoveryEnv: emptyMachine(dataDir) });
    await new EventLog(backend).status('connected');
    const b = backend;
    web = await startWebServer({ backend: b, port: 0, staticDir, warn: () => {} });
    const server = web;

    // Keep-alive on both sides, so neither pays a connection set-up per call.
    const engineAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const webAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const caller: Caller = admin;
    const raw = async () =>
      ((await request({ socketPath: engine.socketPath, path: '/containers/json?all=1', agent: engineAgent })) as unknown[]).length;
    const viaWeb = async () => {
      const r = (await request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/call/containers.list',
          agent: webAgent,
          headers: { 'content-type': 'application/json', 'x-berth-token': server.token },
        },
        '{}',
      )) as { ok: boolean; value?: unknown[]; error?: { message: string } };
      if (!r.ok) throw new Error(`containers.list failed: ${r.error?.message}`);
      return r.value?.length ?? 0;
    };
    const inProcess = async () => {
      const r = await b.dispatch('containers.list', {}, caller);
      if (!r.ok) throw new Error(`containers.list failed: ${r.error.message}`);
      return (r.value as unknown[]).length;
    };

    const ways: [string, () => Promise<number>][] = [
      ['engine GET /containers/json?all=1 (unix socket)', raw],
      ['berth containers.list via web host (HTTP)', viaWeb],
      ['berth containers.list in-process (dispatch)', inProcess],
    ];
    // Wait until Berth sees all of them (its view follows the engine's events).
    for (let i = 0; i < 100 && (await inProcess()) < COUNT; i++) await new Promise((r) => setTimeout(r, 200));

    const runs: Record<string, number[]> = {};
    for (const [name, fn] of ways) {
      log(`measuring: ${name}`);
      runs[name] = await sample(fn);
    }
    engineAgent.destroy();
    webAgent.destroy();

    const rawMedian = median(runs[ways[0]![0]] ?? []);
    const rawP95 = quantile(runs[ways[0]![0]] ?? [], 0.95);
    const rows = ways.map(([name]) => {
      const xs = runs[name] ?? [];
      return [name, round1(median(xs)), round1(quantile(xs, 0.95)), +(median(xs) / rawMedian).toFixed(2), +(quantile(xs, 0.95) / rawP95).toFixed(2)];
    });
    return {
      title: `list ${COUNT} containers (all, created), median/p95 of ${REPS} reps after ${WARMUP} warm-ups (target: berth/raw ≤ 1.2×)`,
      columns: ['way', 'median ms', 'p95 ms', 'ratio (median)', 'ratio (p95)'],
      rows,
      data: { containers: COUNT, reps: REPS, warmup: WARMUP, runs, targets: { ratio: 1.2 } },
    };
  } finally {
    await web?.close().catch(() => {});
    await backend?.dispose().catch(() => {});
    store?.close();
    log('removing the containers…');
    const left = await engine.docker.listContainers({ all: true, filters: { name: [PREFIX] } }).catch(() => []);
    await mapLimit(left, CONCURRENCY, (c) => engine.docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined));
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
}
