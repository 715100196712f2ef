// A task event → the visualizer's card on a real 3-node swarm (issue #10: ≤ 150 ms). Starts its own swarm with
// the harness (Berth's netns local cluster), a `berth web` (dist/cli.mjs: `npm run build` first) connected to the
// manager, and Debian's Chromium on Swarm → Visualizer; destroys them all at the end.
//
// Samples, alternating: scale the service up by one (the new slot's container `start` on whichever node got it →
// its card "svc.N: running" appears) and kill a running task's container, round robin over the nodes (its `die` →
// its "running" card goes). Per sample, on one clock (Date.now() in Node and page):
//  - t(call): just before the scale/kill request;          t(engine): the node's own /events delivers start/die;
//  - t(push): the `swarmTasks.changed` frame carrying it reaches the page (bench/swarm-latency/probe.ts);
//  - t(dom) / t(painted): the DOM shows it (MutationObserver) / the next animation frame.
//  - t(listed): the manager's task list first shows it (Node polls it every 20 ms: the swarm's own delay).
// Reported per kind and node role: painted − engine (the target), engine → listed (the swarm: the node's agent
// reports to the manager), listed → push (Berth's backend: its poll and diff; negative when it followed the node's own event first, ADR 14), push → painted (the page).
// Figures only: never fails on timing.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { TEST_IMAGE } from '../e2e/harness/image';
import { startTestSwarm, stopTestSwarm, swarmNodeClient, type TestSwarmInfo } from '../e2e/harness/swarm';
import { startBerthWeb, type BerthWeb } from '../e2e/support/berth-web';
import { launchChromium, median, quantile, requireBuild, round1 } from './lib/support';
import { installProbe, type Want, type SampleTimes } from './swarm-latency/probe';

const SAMPLES = Number(process.env.BERTH_BENCH_SAMPLES ?? 20);
const WARMUP = 2;
const START_REPLICAS = 3;
const SERVICE = 'benchlat';

interface Sample {
  kind: 'scale' | 'kill';
  role: 'manager' | 'worker';
  call: number;
  engine: number;
  /** The manager's task list first showed it (see watchManagerTasks). */
  listed: number;
  times: SampleTimes;
}

/** Container start/die events of the service's tasks on every node, by task id, as Node receives them. */
function watchEvents(nodes: { docker: Dockerode; role: 'manager' | 'worker' }[]) {
  const seen = new Map<string, { at: number; role: 'manager' | 'worker'; slot: number }>();
  const streams: Readable[] = [];
  const ready = Promise.all(
    nodes.map(async ({ docker, role }) => {
      const s = (await docker.getEvents({ filters: { type: ['container'], event: ['start', 'die'], label: [`com.docker.swarm.service.name=${SERVICE}`] } })) as Readable;
      streams.push(s);
      let buf = '';
      s.on('data', (d: Buffer) => {
        const at = Date.now();
        buf += d.toString('utf8');
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line) continue;
          const e = JSON.parse(line) as { Action: string; Actor: { Attributes: Record<string, string> } };
          const a = e.Actor.Attributes;
          const task = a['com.docker.swarm.task.id'];
          const slot = Number((a['com.docker.swarm.task.name'] ?? '').split('.')[1]);
          if (task) seen.set(`${e.Action}:${task}`, { at, role, slot });
        }
      });
    }),
  );
  const find = async (pred: (key: string, v: { slot: number }) => boolean, timeoutMs = 15_000) => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      for (const [k, v] of seen) if (pred(k, v)) return v;
    }
    throw new Error('the engine event did not arrive');
  };
  return { ready, find, close: () => streams.forEach((s) => s.destroy()) };
}

/**
 * When the manager's own task list first shows each change (polled every 20 ms from Node): separates the swarm's
 * internal delay (a node's agent reporting to the manager) from Berth's.
 */
function watchManagerTasks(manager: Dockerode) {
  const seen = new Map<string, number>();
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const tasks = (await manager.listTasks({ filters: { service: [SERVICE] } }).catch(() => [])) as { ID: string; Slot?: number; Status: { State: string } }[];
      const at = Date.now();
      for (const t of tasks) {
        const key = t.Status.State === 'running' ? `running:${t.Slot}` : `ended:${t.ID}`;
        if (t.Status.State === 'running' || ['failed', 'shutdown', 'complete', 'rejected', 'orphaned'].includes(t.Status.State)) {
          if (!seen.has(key)) seen.set(key, at);
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = loop();
  /** When the manager first listed `key`: it may come after the card was painted (Berth follows the nodes' events). */
  const at = async (key: string, timeoutMs = 3000): Promise<number> => {
    for (const end = Date.now() + timeoutMs; !seen.has(key) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    return seen.get(key) ?? NaN;
  };
  return { seen, at, stop: () => ((stopped = true), done) };
}

export default async function bench({ log }: { log: (line: string) => void }) {
  requireBuild();
  log('starting a 3-node swarm…');
  let info: TestSwarmInfo | undefined;
  let web: BerthWeb | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let events: ReturnType<typeof watchEvents> | undefined;
  let listed: ReturnType<typeof watchManagerTasks> | undefined;
  try {
    info = await startTestSwarm();
    log(`swarm ready in ${info.startMs} ms`);
    const nodes = info.nodes.map((n) => ({ ...n, docker: swarmNodeClient(n.endpoint) }));
    const manager = swarmNodeClient(info.managerEndpoint);
    // On the cluster's data dir, as after creating it from Berth: Berth knows its nodes and follows their events.
    web = await startBerthWeb({ engine: info.managerEndpoint, dataDir: info.dataDir });
    events = watchEvents(nodes);
    await events.ready;
    listed = watchManagerTasks(manager);
    await manager.createService({
      Name: SERVICE,
      TaskTemplate: {
        ContainerSpec: { Image: TEST_IMAGE, Command: ['sh', '-c', "trap 'exit 0' TERM; sleep 100000 & wait"] },
        // The killed task's replacement comes 5 s later, after its "running" card has gone.
        RestartPolicy: { Condition: 'any', Delay: 5e9 },
      },
      Mode: { Replicated: { Replicas: START_REPLICAS } },
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(installProbe);
    await page.goto(web.url);
    await page.getByRole('link', { name: 'Swarm' }).click();
    await page.getByRole('tab', { name: 'Visualizer' }).click();
    const board = page.getByRole('region', { name: 'Nodes and their tasks' });
    const runningCards = board.getByRole('button', { name: new RegExp(`^${SERVICE}\\.\\d+: running`) });
    await runningCards.nth(START_REPLICAS - 1).waitFor({ timeout: 60_000 });

    // Armed before the action; the sample's promise waits in the page until `result` asks for it.
    const arm = async (want: Want) => {
      await page.evaluate((w) => {
        window.__sample = window.__armSample!(w);
        window.__sample.catch(() => undefined);
      }, { ...want, service: SERVICE, timeoutMs: 15_000 });
      return { result: () => page.evaluate(() => window.__sample!) };
    };
    const samples: Sample[] = [];
    let replicas = START_REPLICAS;
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      let sample: Sample;
      if (i % 2 === 0) {
        const slot = ++replicas;
        const armed = await arm({ card: `${SERVICE}.${slot}: running`, present: true, slot, state: 'running' });
        const svc = manager.getService(SERVICE);
        const spec = (await svc.inspect()) as { Version: { Index: number }; Spec: Record<string, unknown> };
        const call = Date.now();
        await svc.update({ version: spec.Version.Index, ...spec.Spec, Mode: { Replicated: { Replicas: slot } } });
        const times = await armed.result();
        const e = await events.find((k, v) => k.startsWith('start:') && v.slot === slot);
        const at = await listed.at(`running:${slot}`);
        sample = { kind: 'scale', role: (e as { role: 'manager' | 'worker' }).role, call, engine: e.at, listed: at, times };
      } else {
        const node = nodes[Math.floor(i / 2) % nodes.length]!;
        const [c] = await node.docker.listContainers({ filters: { label: [`com.docker.swarm.service.name=${SERVICE}`], status: ['running'] } });
        if (!c) throw new Error(`no running task on ${node.hostname}`);
        const taskId = c.Labels['com.docker.swarm.task.id'] ?? '';
        const slot = Number((c.Labels['com.docker.swarm.task.name'] ?? '').split('.')[1]);
        const armed = await arm({ card: `${SERVICE}.${slot}: running`, present: false, taskId });
        const call = Date.now();
        await node.docker.getContainer(c.Id).kill();
        const times = await armed.result();
        const e = await events.find((k) => k === `die:${taskId}`);
        sample = { kind: 'kill', role: node.role, call, engine: e.at, listed: await listed.at(`ended:${taskId}`), times };
      }
      if (i >= WARMUP) samples.push(sample);
      await new Promise((r) => setTimeout(r, 300));
    }
    log(`${samples.length} samples after ${WARMUP} warm-ups`);

    const row = (label: string, list: Sample[]) => {
      const total = list.map((s) => s.times.painted - s.engine);
      return [
        label,
        list.length,
        round1(median(total)),
        round1(quantile(total, 0.95)),
        round1(median(list.map((s) => s.listed - s.engine))),
        round1(median(list.map((s) => s.times.push - s.listed))),
        round1(median(list.map((s) => s.times.painted - s.times.push))),
        round1(median(list.map((s) => s.times.painted - s.call))),
      ];
    };
    const of = (pred: (s: Sample) => boolean) => samples.filter(pred);
    return {
      title: `task event → visualizer card painted, real 3-node swarm in Chromium (target ≤ 150 ms from the engine event)`,
      columns: ['events', 'n', 'p50 ms', 'p95 ms', 'engine→manager list p50', 'list→push p50', 'push→painted p50', 'call→painted p50'],
      rows: [
        row('all', samples),
        row('scale up (task starts)', of((s) => s.kind === 'scale')),
        row('container killed', of((s) => s.kind === 'kill')),
        row('on the manager', of((s) => s.role === 'manager')),
        row('on a worker', of((s) => s.role === 'worker')),
      ],
      data: { samples: samples.map((s) => ({ kind: s.kind, role: s.role, call: s.call, engine: s.engine, listed: s.listed, ...s.times })), warmup: WARMUP, targets: { p95: 150 } },
    };
  } finally {
    events?.close();
    await listed?.stop();
    await browser?.close().catch(() => {});
    await web?.stop().catch(() => {});
    if (info) await stopTestSwarm(info.dataDir);
  }
}
