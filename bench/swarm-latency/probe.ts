// The page side of swarm-latency.bench.ts: installed with addInitScript before Berth's own scripts run.
// It notes when each `swarmTasks.changed` frame reaches the page (a listener added before the app's), and lets the
// bench arm one sample at a time: the first push that carries the awaited change, then the moment the DOM shows it
// (MutationObserver) and the next animation frame (painted). Node and page read the same clock (Date.now()).
export interface Want {
  /** The card's accessible name prefix, e.g. "bench.4: running". */
  card: string;
  /** true: wait for the card to appear; false: for it to go. */
  present: boolean;
  /** The push must carry this slot in that state (a new task), or this task id not running / removed. */
  slot?: number;
  state?: string;
  taskId?: string;
}
export interface SampleTimes {
  push: number;
  dom: number;
  painted: number;
}

interface PushTask {
  id: string;
  slot?: number;
  state: string;
  serviceName: string;
}

declare global {
  interface Window {
    __armSample?: (want: Want & { service: string; timeoutMs: number }) => Promise<SampleTimes>;
    __sample?: Promise<SampleTimes>;
  }
}

/** Serialized into the page by addInitScript: no closure over module scope. */
export function installProbe(): void {
  let onPush: ((at: number, upserts: PushTask[], removed: string[]) => void) | undefined;
  const Real = window.WebSocket;
  class Probed extends Real {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (e: MessageEvent) => {
        const at = Date.now();
        if (typeof e.data !== 'string' || !e.data.includes('"swarmTasks.changed"')) return;
        const m = JSON.parse(e.data) as { payload?: { kind?: string; upserts?: PushTask[]; removed?: string[] } };
        onPush?.(at, m.payload?.upserts ?? [], m.payload?.removed ?? []);
      });
    }
  }
  window.WebSocket = Probed;

  window.__armSample = (want) =>
    new Promise<SampleTimes>((resolve, reject) => {
      let push: number | undefined;
      let dom: number | undefined;
      const shows = () => [...document.querySelectorAll('[aria-label]')].some((e) => e.getAttribute('aria-label')?.startsWith(want.card));
      const done = () => {
        if (push === undefined || dom === undefined) return;
        const p = push;
        const d = dom;
        observer.disconnect();
        clearTimeout(timer);
        onPush = undefined;
        requestAnimationFrame(() => resolve({ push: p, dom: d, painted: Date.now() }));
      };
      onPush = (at, upserts, removed) => {
        if (push !== undefined) return;
        const hit =
          want.taskId !== undefined
            ? removed.includes(want.taskId) || upserts.some((t) => t.id === want.taskId && t.state !== 'running')
            : upserts.some((t) => t.serviceName === want.service && t.slot === want.slot && t.state === want.state);
        if (!hit) return;
        push = at;
        done();
      };
      const observer = new MutationObserver(() => {
        if (dom !== undefined || shows() !== want.present) return;
        dom = Date.now();
        done();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        onPush = undefined;
        reject(new Error(`"${want.card}" did not ${want.present ? 'appear' : 'go'} within ${want.timeoutMs} ms (push ${push ?? 'not seen'})`));
      }, want.timeoutMs);
    });
}
