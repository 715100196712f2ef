// Drag a service node on a canvas of N services in Debian's Chromium and record the frames the page paints
// meanwhile (requestAnimationFrame timestamps, in the page). The pointer moves every ~16 ms, as a hand does.
import { servePage } from '../lib/page-server';
import { launchChromium, median, quantile, round1 } from '../lib/support';

const ORIGIN = 'http://builder.bench';
/** One frame at 60 Hz; a frame that took longer than 1.5 of these missed at least one vsync. */
const FRAME = 1000 / 60;

export interface DragResult {
  services: number;
  nodes: number;
  firstRender: number;
  frames: number[];
  p50: number;
  p95: number;
  max: number;
  dropped: number;
  moves: number;
  saved: boolean;
}

export async function measureDrag(services: number, moves: number, log: (line: string) => void): Promise<DragResult> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    log('bundling the builder canvas page…');
    await servePage(page, ORIGIN, 'bench/builder/page.tsx');
    const t0 = Date.now();
    await page.goto(`${ORIGIN}/?services=${services}`);
    const target = page.locator(`.react-flow__node[data-id="service:s${Math.floor(services / 2)}"]`);
    await target.waitFor({ timeout: 60_000 });
    const firstRender = Date.now() - t0;
    const nodes = await page.locator('.react-flow__node').count();
    log(`first render ${firstRender} ms, ${nodes} nodes on the canvas (${services} services with their volumes and networks)`);
    const box = await target.boundingBox();
    if (!box) throw new Error('the node to drag has no box');
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const samples: number[][] = [];
    let saved = true;
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.evaluate(() => window.builderBench.start());
      for (let i = 1; i <= moves; i++) {
        const a = (i / moves) * Math.PI * 2;
        await page.mouse.move(start.x + Math.sin(a) * 150, start.y + (1 - Math.cos(a)) * 80);
        await page.waitForTimeout(16);
      }
      const stamps = await page.evaluate(() => window.builderBench.stop());
      await page.mouse.up();
      await page.waitForTimeout(200);
      // The drop writes the new position into the file once (x-berth-layout).
      saved &&= (await page.evaluate(() => window.builderBench.text())).includes(`s${Math.floor(services / 2)}: {`);
      if (round > 0) samples.push(stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)));
      else log('warm-up drag done');
    }
    const frames = samples.flat();
    const dropped = frames.reduce((n, f) => n + Math.max(0, Math.round(f / FRAME) - 1), 0);
    if (process.env.BERTH_BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BERTH_BENCH_SCREENSHOT });
    return { services, nodes, firstRender, frames, p50: round1(median(frames)), p95: round1(quantile(frames, 0.95)), max: round1(Math.max(...frames)), dropped, moves: moves * samples.length, saved };
  } finally {
    await browser.close();
  }
}
