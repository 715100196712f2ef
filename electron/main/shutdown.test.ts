import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { FakeEvent } from '../testing/fake-electron';
import { installShutdown, stopOwned } from './shutdown';

/** An app whose quit() emits before-quit like Electron's does, and records whether it really quit. */
class QuittingApp extends EventEmitter {
  exited = 0;
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exited += 1;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('installShutdown', () => {
  it('disposes once, however often quit is requested, then quits', async () => {
    const app = new QuittingApp();
    let finish: () => void = () => undefined;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    installShutdown(app as unknown as App, { shutdown });

    app.quit();
    app.quit(); // e.g. the tray's Quit while the engine is still stopping
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(app.exited).toBe(0);

    finish();
    await settle();
    expect(app.exited).toBe(1);
    expect(shutdown).toHaveBeenCalledTimes(1);
  });

  it('still quits when the shutdown fails', async () => {
    const app = new QuittingApp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installShutdown(app as unknown as App, { shutdown: () => Promise.reject(new Error('engine stuck')) });
    app.quit();
    await settle();
    expect(app.exited).toBe(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('quits after the timeout when the shutdown hangs', async () => {
    vi.useFakeTimers();
    try {
      const app = new QuittingApp();
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      installShutdown(app as unknown as App, {
        shutdown: () => new Promise<void>(() => undefined),
        timeoutMs: 1000,
      });
      app.quit();
      await vi.advanceTimersByTimeAsync(999);
      expect(app.exited).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(app.exited).toBe(1);
      error.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('stopOwned', () => {
  it('stops IPC, then disposes the backend once, then closes the store', async () => {
    const order: string[] = [];
    const backend = { dispose: vi.fn(() => Promise.resolve(void order.push('backend'))) };
    const store = { close: vi.fn(() => void order.push('store')) };
    await stopOwned({ disposeIpc: () => order.push('ipc'), backend, store });
    expect(order).toEqual(['ipc', 'backend', 'store']);
    expect(backend.dispose).toHaveBeenCalledTimes(1);
  });

  it('closes the store even when the backend fails to stop', async () => {
    const store = { close: vi.fn() };
    const backend = { dispose: () => Promise.reject(new Error('dockerd did not stop')) };
    await expect(stopOwned({ backend, store })).rejects.toThrow('dockerd did not stop');
    expect(store.close).toHaveBeenCalledTimes(1);
  });

  it('copes with a startup that never got as far as a backend', async () => {
    await expect(stopOwned({})).resolves.toBeUndefined();
  });
});

describe('quit with a real shutdown', () => {
  it('disposes the backend exactly once across repeated quits', async () => {
    const app = new QuittingApp();
    const backend = { dispose: vi.fn(() => Promise.resolve()) };
    installShutdown(app as unknown as App, { shutdown: () => stopOwned({ backend }) });
    app.quit();
    app.quit();
    await settle();
    app.quit(); // after the real quit: passes through without another dispose
    expect(backend.dispose).toHaveBeenCalledTimes(1);
    expect(app.exited).toBe(2);
  });
});
