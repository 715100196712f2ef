import type Dockerode from 'dockerode';

/**
 * GET /system/df, shared. The engine runs one disk-usage walk at a time and answers any call that arrives while
 * one runs with HTTP 500 "a disk usage operation is already running". The volumes list, the image prune preview
 * and the system page all read it, often at once, so callers on one client share the call in flight, and a call
 * that meets someone else's walk (the docker CLI, another Berth) waits and asks again.
 */
const inFlight = new WeakMap<Dockerode, Promise<unknown>>();

const RETRY_DELAYS_MS = [100, 200, 400, 800, 1600, 3200];

export function isDiskUsageBusy(err: unknown): boolean {
  const e = err as { statusCode?: number; message?: string; json?: { message?: string } } | null;
  const text = `${e?.json?.message ?? ''} ${e?.message ?? ''}`;
  return /disk usage operation is already running/i.test(text);
}

async function readWithRetry(docker: Dockerode, sleep: (ms: number) => Promise<void>): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await docker.df();
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isDiskUsageBusy(err)) throw err;
      await sleep(delay);
    }
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The engine's disk-usage report; concurrent callers on one client get the same answer from one engine call. */
export function diskUsage<T>(docker: Dockerode, sleep: (ms: number) => Promise<void> = wait): Promise<T> {
  const running = inFlight.get(docker);
  if (running) return running as Promise<T>;
  const call = readWithRetry(docker, sleep).finally(() => inFlight.delete(docker));
  inFlight.set(docker, call);
  return call as Promise<T>;
}
