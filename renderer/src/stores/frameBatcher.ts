export type Scheduler = (run: () => void) => () => void;

/** Runs once per animation frame in the browser; a 16 ms timer where there are no frames (tests, background). */
export const animationFrameScheduler: Scheduler = (run) => {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(() => run());
    return () => cancelAnimationFrame(handle);
  }
  const timer = setTimeout(run, 16);
  return () => clearTimeout(timer);
};

/**
 * Collects items and hands them over in one batch per scheduled frame, so a burst of engine events
 * (compose up of 30 services, prune of 500 containers) costs one store update and one render.
 */
export function createFrameBatcher<T>(apply: (batch: T[]) => void, schedule: Scheduler = animationFrameScheduler) {
  let buffer: T[] = [];
  let cancel: (() => void) | null = null;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    cancel = null;
    const batch = buffer;
    buffer = [];
    if (batch.length > 0) apply(batch);
  };
  return {
    push(item: T): void {
      buffer.push(item);
      if (scheduled) return;
      // Set before scheduling: a scheduler that runs synchronously (tests) flushes inside schedule().
      scheduled = true;
      const c = schedule(flush);
      if (scheduled) cancel = c;
    },
    flush,
    dispose(): void {
      cancel?.();
      cancel = null;
      scheduled = false;
      buffer = [];
    },
  };
}
