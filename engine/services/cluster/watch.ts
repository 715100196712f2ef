/**
 * Keeps `cluster.status` true when nothing Berth does changes it: a node's engine that dies (or is started again
 * outside Berth) and Berth switching engines. While the backend follows live data, every `intervalMs` it reads
 * which nodes run — for netns nodes a pid check, for dind nodes one inspect each — and publishes the full status
 * only when that picture changed. One-shot CLI backends (`live.follow` false) never start it.
 */
export interface ClusterProbe {
  /** A short signature of what the status panel shows (exists, nodes running, connected); '' when no cluster. */
  signature(): Promise<string>;
  publish(): Promise<unknown>;
}

export function watchCluster(probe: ClusterProbe, intervalMs = 1000): { stop(): void } {
  let last: string | undefined;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const now = await probe.signature();
      if (last !== undefined && now !== last) await probe.publish();
      last = now;
    } catch {
      // A failed probe (a node mid-removal) is read again on the next tick.
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
