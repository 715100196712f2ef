// Logs the UI keeps up with (issue #3): a container prints `line N` as fast as busybox sh can, the real
// `berth web` (dist/cli.mjs, so `npm run build` first) serves its logs tab to Chromium, and we count.
//
// What is observable without touching the app: the page's WebSocket frames. Playwright reports every frame the
// page receives (over CDP); each `stream-data` frame carries a LogChunk `{ lines, dropped }`, so the sum of
// `lines.length` is exactly the lines that reached the page (and went into its LogRing), and `dropped` the
// lines the backend skipped because the page could not keep up. The container's own counter (the N of the newest
// line received) says how many it had printed. Counting costs Node some parsing and the browser the CDP frame
// events, so the figures are, if anything, a little pessimistic.
// Heap: CDP Performance.getMetrics JSHeapUsedSize while streaming, and once more after a forced GC at the end
// (what the page really retains; LogRing keeps at most 100,000 lines).
import type { WebSocket as PwWebSocket } from '@playwright/test';
import { ensureTestImage, startTestEngine, TEST_IMAGE } from '../e2e/harness/engine';
import { startBerthWeb, type BerthWeb } from '../e2e/support/berth-web';
import { launchChromium, requireBuild, round1 } from './lib/support';

const TARGET_LINES = Number(process.env.BERTH_BENCH_LOG_LINES ?? 1_000_000);
const MAX_SECONDS = Number(process.env.BERTH_BENCH_LOG_SECONDS ?? 60);
const RATE_WINDOW_S = 10;
const NAME = 'benchlogs';

interface Sample {
  t: number;
  received: number;
  dropped: number;
  printed: number;
  heapMB: number;
}

export default async function bench({ log }: { log: (line: string) => void }) {
  requireBuild();
  log('starting a harness engine…');
  const engine = await startTestEngine();
  let web: BerthWeb | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    await ensureTestImage(engine.docker);
    web = await startBerthWeb({ engine: engine.endpoint });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(web.url);
    await page.getByRole('link', { name: 'Containers' }).click();
    await page.getByRole('button', { name: /^Engine status: Docker \d/ }).waitFor({ state: 'visible', timeout: 30_000 });

    let received = 0;
    let dropped = 0;
    let printed = 0;
    page.on('websocket', (ws: PwWebSocket) => {
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string' || !payload.includes('"stream-data"')) return;
        const msg = JSON.parse(payload) as { type: string; chunk?: { lines?: { text: string }[]; dropped?: number } };
        const lines = msg.chunk?.lines;
        if (msg.type !== 'stream-data' || !Array.isArray(lines)) return;
        received += lines.length;
        dropped += msg.chunk?.dropped ?? 0;
        const m = /line (\d+)/.exec(lines[lines.length - 1]?.text ?? '');
        if (m) printed = Math.max(printed, Number(m[1]) + 1);
      });
    });
    // The page's socket is already open; reload so the listener sees it from the start.
    await page.reload();
    await page.getByRole('button', { name: /^Engine status: Docker \d/ }).waitFor({ state: 'visible', timeout: 30_000 });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMB = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
    };
    const heapBefore = await heapMB();

    const c = await engine.docker.createContainer({
      name: NAME,
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'i=0; while true; do echo "line $i"; i=$((i+1)); done'],
      HostConfig: { Init: true },
    });
    await c.start();
    await page.goto(`${web.origin}/#/containers/${encodeURIComponent(c.id)}/logs`);
    await page.getByRole('log', { name: `Logs of ${NAME}` }).waitFor({ state: 'visible', timeout: 30_000 });
    while (received === 0) await new Promise((r) => setTimeout(r, 50));

    log(`streaming until ${TARGET_LINES.toLocaleString()} lines reach the page (at most ${MAX_SECONDS} s)…`);
    const start = Date.now();
    const base = { received, dropped, printed };
    const samples: Sample[] = [];
    let heapPeak = 0;
    while (received - base.received < TARGET_LINES && Date.now() - start < MAX_SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      const heap = await heapMB();
      heapPeak = Math.max(heapPeak, heap);
      samples.push({ t: (Date.now() - start) / 1000, received: received - base.received, dropped: dropped - base.dropped, printed: printed - base.printed, heapMB: round1(heap) });
      if (samples.length % 5 === 0) log(`${Math.round(samples.at(-1)!.t)} s: ${samples.at(-1)!.received.toLocaleString()} lines received, heap ${round1(heap)} MB`);
    }
    const last = samples.at(-1) ?? { t: 0, received: 0, dropped: 0, printed: 0, heapMB: 0 };
    const heapEnd = await heapMB();
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heapMB();
    // The steady rate: the last RATE_WINDOW_S seconds (the first seconds include the page's start-up).
    const from = samples.find((s) => s.t >= last.t - RATE_WINDOW_S) ?? samples[0] ?? last;
    const dt = last.t - from.t || 1;
    const rate = (k: 'received' | 'dropped' | 'printed') => Math.round((last[k] - from[k]) / dt);
    const kept = await page.evaluate(() => document.querySelector('[role="log"]')?.parentElement?.textContent?.match(/newest ([\d,.\s]+)/)?.[1] ?? null);
    log(`page says it keeps the newest ${kept ?? '(no drop notice shown)'} lines`);
    await c.remove({ force: true });

    return {
      title: `container logs streamed into the logs tab for ${round1(last.t)} s (${last.received.toLocaleString()} lines reached the page); rates over the last ${round1(dt)} s`,
      columns: ['figure', 'value'],
      rows: [
        ['lines/s reaching the page', rate('received')],
        ['lines/s dropped by the backend (backpressure)', rate('dropped')],
        ['lines/s the container had printed (its counter, newest line received)', rate('printed')],
        ['lines reached the page (total)', last.received],
        ['lines dropped by the backend (total)', last.dropped],
        ['JS heap before opening logs, MB', round1(heapBefore)],
        ['JS heap peak while streaming, MB', round1(heapPeak)],
        ['JS heap at the end, MB', round1(heapEnd)],
        ['JS heap after a forced GC, MB', round1(heapAfterGc)],
      ],
      data: { targetLines: TARGET_LINES, maxSeconds: MAX_SECONDS, samples, heapBefore, heapPeak, heapEnd, heapAfterGc },
    };
  } finally {
    await browser?.close().catch(() => {});
    await web?.stop().catch(() => {});
    await engine.stop();
  }
}
