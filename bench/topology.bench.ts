// The swarm topology view at 200 services / 30 networks (issue #10): the model and its automatic layout (dagre),
// and the real TopologyTab over the real store in Debian's Chromium. bench/topology/page.tsx is bundled with esbuild
// and served from memory.
//
// Measured in the page, on one clock (performance.now()):
//  - layout: services/networks/ports → positioned nodes from a fresh model (what a change of the graph's shape
//    costs), LAYOUTS times after WARMUP runs;
//  - patch → node: a service is scaled (a data change: nothing moves, no new layout); t0 just before the event is
//    emitted; the node with the new accessible name is in the DOM, then painted (next animation frame).
// Figures only: never fails on timing.
import { servePage } from './lib/page-server';
import { launchChromium, median, quantile, round1 } from './lib/support';

const SERVICES = Number(process.env.BERTH_BENCH_SERVICES ?? 200);
const NETWORKS = Number(process.env.BERTH_BENCH_NETWORKS ?? 30);
const LAYOUTS = 20;
const SAMPLES = 30;
const WARMUP = 3;
const ORIGIN = 'http://topology.bench';

export default async function bench({ log }: { log: (line: string) => void }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    log('bundling the bench page…');
    await servePage(page, ORIGIN, 'bench/topology/page.tsx');
    const loadStart = Date.now();
    await page.goto(`${ORIGIN}/?services=${SERVICES}&networks=${NETWORKS}`);
    await page.getByRole('status').filter({ hasText: `${SERVICES} services` }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^service svc0,/ }).waitFor({ timeout: 60_000 });
    const firstRender = Date.now() - loadStart;
    const summary = (await page.getByRole('status').textContent()) ?? '';
    log(`first render ${firstRender} ms (${summary})`);
    if (process.env.BERTH_BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BERTH_BENCH_SCREENSHOT });

    const layouts = await page.evaluate(
      ({ n, warmup }) => {
        for (let i = 0; i < warmup; i++) window.topologyBench.layoutOnce();
        return Array.from({ length: n }, () => window.topologyBench.layoutOnce());
      },
      { n: LAYOUTS, warmup: WARMUP },
    );

    const latencies = await page.evaluate(
      async ({ samples, warmup }) => {
        const ids = window.topologyBench.serviceIds;
        const out: { dom: number; painted: number }[] = [];
        for (let i = 0; i < warmup + samples; i++) {
          const id = ids[(i * 13) % ids.length] ?? '';
          const replicas = 4 + (i % 5);
          const t0 = performance.now();
          const prefix = window.topologyBench.scale(id, replicas);
          const want = `${replicas} of ${replicas} tasks running`;
          const has = () => [...document.querySelectorAll('.react-flow__node')].some((e) => e.getAttribute('aria-label')?.startsWith(prefix) && e.getAttribute('aria-label')?.includes(want));
          const dom = await new Promise<number>((resolve) => {
            if (has()) return resolve(performance.now());
            const observer = new MutationObserver(() => {
              if (!has()) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          });
          const painted = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
          if (i >= warmup) out.push({ dom: dom - t0, painted: painted - t0 });
          await new Promise((r) => setTimeout(r, 30));
        }
        return out;
      },
      { samples: SAMPLES, warmup: WARMUP },
    );
    const dom = latencies.map((l) => l.dom);
    const painted = latencies.map((l) => l.painted);
    const row = (label: string, xs: number[]) => [label, round1(median(xs)), round1(quantile(xs, 0.95)), round1(Math.max(...xs))];
    return {
      title: `topology, ${SERVICES} services / ${NETWORKS} networks in Chromium (${summary}): layout, and a scaled service → its node`,
      columns: ['measure', 'p50 ms', 'p95 ms', 'max ms'],
      rows: [row('model + layout (shape change)', layouts), row('scale patch → node in DOM', dom), row('scale patch → node painted', painted)],
      notes: [`first render of the tab: ${firstRender} ms (page load, bundle parse, list answers, layout, first paint)`],
      data: { services: SERVICES, networks: NETWORKS, firstRender, layouts, dom, painted },
    };
  } finally {
    await browser.close().catch(() => {});
  }
}
