// The cluster visualizer at 50 nodes / 1,000 tasks (issue #10): a synthetic feed through the real renderer path
// (the store's swarmTasks list following `swarmTasks.changed`, patches batched per animation frame, the real
// VisualizerTab) in Debian's Chromium. bench/visualizer/page.tsx is bundled with esbuild and served from memory.
//
// Measured in the page, on one clock (performance.now()):
//  - patch → card visible: a task on a column in view changes state; t0 just before the event is emitted; the
//    card with the new state's accessible name is in the DOM (MutationObserver), then painted (next animation
//    frame). p50/p95/max over SAMPLES changes.
//  - frame times during a burst: BURST_RATE task state changes per second for BURST_MS, spread over the whole
//    cluster; every requestAnimationFrame interval is recorded (16.7 ms is 60 fps).
// Figures only: never fails on timing.
import { servePage } from './lib/page-server';
import { launchChromium, median, quantile, round1 } from './lib/support';

const NODES = Number(process.env.BERTH_BENCH_NODES ?? 50);
const TASKS = Number(process.env.BERTH_BENCH_TASKS ?? 1000);
const SAMPLES = Number(process.env.BERTH_BENCH_SAMPLES ?? 40);
const WARMUP = 5;
const BURST_MS = 3000;
const BURST_RATE = 500;
const ORIGIN = 'http://visualizer.bench';

export default async function bench({ log }: { log: (line: string) => void }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    log('bundling the bench page…');
    await servePage(page, ORIGIN, 'bench/visualizer/page.tsx');
    const loadStart = Date.now();
    await page.goto(`${ORIGIN}/?nodes=${NODES}&tasks=${TASKS}`);
    await page.getByRole('status').filter({ hasText: `${TASKS} tasks shown` }).waitFor({ timeout: 60_000 });
    const firstRender = Date.now() - loadStart;
    const mode = await page.getByRole('button', { name: /^Auto/ }).textContent();
    log(`first render ${firstRender} ms, ${mode ?? ''}`);

    // Patch → card painted, for tasks whose card is in view.
    const latencies = await page.evaluate(
      async ({ samples, warmup, timeoutMs }) => {
        const visible = window.bench.visibleTaskIds();
        const out: { dom: number; painted: number }[] = [];
        for (let i = 0; i < warmup + samples; i++) {
          const id = visible[(i * 7) % visible.length];
          if (!id) throw new Error('no task card in view');
          const t0 = performance.now();
          const name = window.bench.flip(id);
          const has = () => [...document.querySelectorAll('[aria-label]')].some((e) => e.getAttribute('aria-label')?.startsWith(name));
          // Bounded: a card that never shows its new state fails the bench with a message instead of hanging it.
          const dom = await new Promise<number>((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (!has()) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now());
            });
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error(`the card "${name}" did not appear within ${timeoutMs} ms (sample ${i})`));
            }, timeoutMs);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          });
          const painted = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
          if (i >= warmup) out.push({ dom: dom - t0, painted: painted - t0 });
          await new Promise((r) => setTimeout(r, 50));
        }
        return out;
      },
      { samples: SAMPLES, warmup: WARMUP, timeoutMs: 5000 },
    );

    // Frame times while a burst of task changes arrives.
    const burst = await page.evaluate(
      async ({ ms, rate }) => {
        const frames: number[] = [];
        let last = performance.now();
        let running = true;
        const loop = (now: number) => {
          frames.push(now - last);
          last = now;
          if (running) requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
        const ids = window.bench.taskIds;
        const states = ['running', 'starting', 'preparing', 'failed'] as const;
        let sent = 0;
        const perTick = Math.max(1, Math.round(rate / 100));
        const timer = setInterval(() => {
          for (let k = 0; k < perTick; k++) {
            const id = ids[Math.floor(Math.random() * ids.length)];
            if (id) window.bench.setState(id, states[sent % states.length] ?? 'running');
            sent++;
          }
        }, 10);
        await new Promise((r) => setTimeout(r, ms));
        clearInterval(timer);
        running = false;
        return { frames: frames.slice(1), sent };
      },
      { ms: BURST_MS, rate: BURST_RATE },
    );

    const dom = latencies.map((l) => l.dom);
    const painted = latencies.map((l) => l.painted);
    const frames = burst.frames;
    const row = (label: string, xs: number[]) => [label, round1(median(xs)), round1(quantile(xs, 0.95)), round1(Math.max(...xs))];
    log(`${SAMPLES} samples after ${WARMUP} warm-ups; burst: ${burst.sent} changes in ${BURST_MS} ms, ${frames.length} frames`);
    return {
      title: `visualizer, ${NODES} nodes / ${TASKS} tasks in Chromium (${mode ?? ''}): task patch → card, and frames during a burst`,
      columns: ['measure', 'p50 ms', 'p95 ms', 'max ms'],
      rows: [
        row('patch → card in DOM', dom),
        row('patch → card painted', painted),
        row(`frame time, burst of ${BURST_RATE} changes/s`, frames),
      ],
      notes: [
        `first render of the board: ${firstRender} ms (page load, bundle parse, list answers, first paint)`,
        `frames over 33 ms during the burst: ${frames.filter((f) => f > 33).length} of ${frames.length}`,
      ],
      data: { nodes: NODES, tasks: TASKS, samples: SAMPLES, warmup: WARMUP, firstRender, dom, painted, burst: { ms: BURST_MS, rate: BURST_RATE, sent: burst.sent, frames } },
    };
  } finally {
    await browser.close().catch(() => {});
  }
}
