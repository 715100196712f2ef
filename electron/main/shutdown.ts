import type { App } from 'electron';

export interface ShutdownOptions {
  /** Stops what Berth owns (the backend, which stops an embedded engine it started; then the store). */
  shutdown: () => Promise<void>;
  /** Quit anyway after this long, so a hung engine cannot keep Berth open forever. */
  timeoutMs?: number;
}

/**
 * Electron does not wait for async work in `before-quit`, so the first quit is cancelled, the shutdown runs
 * once, and then the app quits for real. Further quit requests meanwhile (a second Cmd+Q, the tray's Quit)
 * are swallowed rather than starting another shutdown.
 */
export function installShutdown(app: Pick<App, 'on' | 'quit'>, options: ShutdownOptions): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    void withTimeout(options.shutdown(), options.timeoutMs ?? 20_000)
      .catch((err: unknown) => console.error('[berth] shutdown failed:', err))
      .finally(() => {
        state = 'stopped';
        app.quit();
      });
  });
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`shutdown took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface Owned {
  disposeIpc?: () => void;
  backend?: { dispose(): Promise<void> };
  store?: { close(): void };
}

/**
 * Stop order: no more IPC calls, then the backend (which stops an embedded engine Berth started), then the
 * store, which the backend may still write to (audit) while stopping. The store closes even if dispose fails.
 */
export async function stopOwned({ disposeIpc, backend, store }: Owned): Promise<void> {
  disposeIpc?.();
  try {
    await backend?.dispose();
  } finally {
    store?.close();
  }
}
