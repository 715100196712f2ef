// Engine event → row visible in the browser (issue #3). Runs the real `berth web` (dist/cli.mjs, so
// `npm run build` first) against a harness engine and Debian's Chromium through Playwright.
//
// Method, per sample:
//  - In the page, a MutationObserver is armed first; it looks for a table row (role=row) whose text contains the
//    sample's unique container name, notes Date.now() when the row enters the DOM, and again in the next
//    requestAnimationFrame callback (the frame that paints it: "visible").
//  - Node subscribes to the engine's own /events stream and notes Date.now() when the `create` event for that
//    name arrives: t0 = the moment the engine's event reached a client (Berth's own /events subscription receives
//    the same event at about the same time). It also notes Date.now() just before the create request.
//  - The container is created and started with dockerode on the engine's socket.
//  Page and Node read the same system clock with Date.now() (ms resolution), so the difference is a latency.
// Reported: painted − t0(event) (the figure the target applies to), and painted − t(create request sent).
import type { Readable } from 'node:stream';
import { ensureTestImage, startTestEngine, TEST_IMAGE } from '../e2e/harness/engine';
import { startBerthWeb, type BerthWeb } from '../e2e/support/berth-web';
import { launchChromium, median, quantile, requireBuild, round1 } from './lib/support';

const SAMPLES = Number(process.env.BERTH_BENCH_SAMPLES ?? 30);
const WARMUP = 3;
const PREFIX = 'benchevt';

declare global {
  interface Window {
    __benchRow?: Promise<{ dom: number; painted: number }>;
  }
}

export default async function bench({ log }: { log: (line: string) => void }) {
  requireBuild();
  log('starting a harness engine…');
  const engine = await startTestEngine();
  let web: BerthWeb | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let events: Readable | undefined;
  try {
    await ensureTestImage(engine.docker);
    web = await startBerthWeb({ engine: engine.endpoint });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(web.url);
    await page.getByRole('link', { name: 'Containers' }).click();
    await page.getByRole('button', { name: /^Engine status: Docker \d/ }).waitFor({ state: 'visible', timeout: 30_000 });

    // The engine's create events, by container name, as Node receives them.
    const created = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    events = (await engine.docker.getEvents({ filters: { type: ['container'], event: ['create'] } })) as Readable;
    let buf = '';
    events.on('data', (d: Buffer) => {
      const at = Date.now();
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (!line) continue;
        const name = (JSON.parse(line) as { Actor?: { Attributes?: { name?: string } } }).Actor?.Attributes?.name;
        if (name) {
          created.set(name, at);
          waiting.get(name)?.();
        }
      }
    });
    const eventFor = (name: string) =>
      created.has(name) ? Promise.resolve() : new Promise<void>((r) => waiting.set(name, r));

    const fromEvent: number[] = [];
    const fromRequest: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const name = `${PREFIX}-${i}-${Math.random().toString(36).slice(2, 8)}`;
      await page.evaluate((n) => {
        window.__benchRow = new Promise((resolve) => {
          const has = () => [...document.querySelectorAll('[role="row"], tr')].some((r) => r.textContent?.includes(n));
          const found = () => {
            const dom = Date.now();
            requestAnimationFrame(() => resolve({ dom, painted: Date.now() }));
          };
          if (has()) return found();
          const observer = new MutationObserver(() => {
            if (!has()) return;
            observer.disconnect();
            found();
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      }, name);
      const sent = Date.now();
      const c = await engine.docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '100000'], HostConfig: { Init: true } });
      await c.start();
      const seen = await page.evaluate(() => window.__benchRow);
      await eventFor(name);
      const t0 = created.get(name) ?? sent;
      if (!seen) throw new Error('the page did not report the row');
      if (i >= WARMUP) {
        fromEvent.push(seen.painted - t0);
        fromRequest.push(seen.painted - sent);
      }
      await c.remove({ force: true });
      // Let the page settle (row gone) before the next sample.
      await page.getByRole('row', { name: new RegExp(name) }).waitFor({ state: 'detached', timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 100));
    }
    log(`${SAMPLES} samples after ${WARMUP} warm-ups`);
    const row = (label: string, xs: number[]) => [label, round1(median(xs)), round1(quantile(xs, 0.95)), round1(Math.max(...xs))];
    return {
      title: `engine container event → row painted in Chromium, ${SAMPLES} samples (target: p95 ≤ 150 ms from the event)`,
      columns: ['from', 'p50 ms', 'p95 ms', 'max ms'],
      rows: [row('engine create event received', fromEvent), row('create request sent (incl. engine create)', fromRequest)],
      data: { samples: SAMPLES, warmup: WARMUP, fromEvent, fromRequest, targets: { p95: 150 } },
    };
  } finally {
    events?.destroy();
    await browser?.close().catch(() => {});
    await web?.stop().catch(() => {});
    await engine.stop();
  }
}
