import type Dockerode from 'dockerode';
import { ErrorCode, type EngineCandidate, type EngineVersion } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { watchEvents, type DockerEvent, type EventWatch } from '../../docker/events';
import { BerthError } from '../../base/errors';

export interface ConnectionTiming {
  /** Bound on each setup request (ping, version, opening /events). */
  requestTimeoutMs: number;
  /** Health check while connected; covers links that hang without closing (remote tcp/ssh). */
  pingIntervalMs: number;
}

export interface ConnectionHandlers {
  onEvent(event: DockerEvent): void;
  /** Called at most once, when the event stream ends or pings fail; never after dispose(). */
  onLost(error: BerthError): void;
}

/** One live link to an engine: one /events stream and one ping timer, both owned here. */
export interface EngineConnection {
  candidate: EngineCandidate;
  docker: Dockerode;
  version: EngineVersion;
  /** Opens the /events stream if it is not open yet (for a listener that came after connecting). */
  followEvents(): void;
  dispose(): void;
}

/** ping/version take an abort signal at run time, but @types/dockerode does not declare it. */
interface AbortableCalls {
  ping(opts: { abortSignal: AbortSignal }): Promise<unknown>;
  version(opts: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
}

/**
 * Pings the engine, reads its version and opens the event stream; resolves only when the stream is accepted,
 * so a list fetched afterwards cannot miss an event. Throws a mapped BerthError and leaves nothing behind.
 * With `events: false` (nobody listens yet, e.g. a one-shot command) the stream waits for followEvents().
 */
export async function openConnection(
  candidate: EngineCandidate,
  docker: Dockerode,
  handlers: ConnectionHandlers,
  timing: ConnectionTiming,
  options: { events?: boolean } = {},
): Promise<EngineConnection> {
  const calls = docker as unknown as AbortableCalls;
  const context = { object: `the engine at ${candidate.endpoint}` };
  let raw: Dockerode.DockerVersion;
  try {
    await calls.ping({ abortSignal: AbortSignal.timeout(timing.requestTimeoutMs) });
    raw = await calls.version({ abortSignal: AbortSignal.timeout(timing.requestTimeoutMs) });
  } catch (err) {
    throw mapDockerError(err, context);
  }

  let disposed = false;
  let lost = false;
  let pingTimer: NodeJS.Timeout | undefined;
  const loseOnce = (error: BerthError) => {
    if (disposed || lost) return;
    lost = true;
    cleanup();
    handlers.onLost(error);
  };
  let watch: EventWatch | undefined;
  const follow = (): EventWatch =>
    (watch ??= watchEvents(docker, {
      onEvent: (event) => {
        if (!disposed && !lost) handlers.onEvent(event);
      },
      onClose: (error) => loseOnce(lostError(error, context)),
    }));
  const cleanup = () => {
    clearTimeout(pingTimer);
    watch?.dispose();
  };
  if (options.events !== false) {
    try {
      await withTimeout(follow().ready, timing.requestTimeoutMs);
    } catch (err) {
      disposed = true;
      cleanup();
      throw mapDockerError(err, context);
    }
  }

  // Timeouts may be a busy engine, so one slow ping is forgiven; a refused connection is not.
  let slowPings = 0;
  const schedulePing = () => {
    pingTimer = setTimeout(() => {
      calls.ping({ abortSignal: AbortSignal.timeout(timing.requestTimeoutMs) }).then(
        () => {
          slowPings = 0;
          if (!disposed && !lost) schedulePing();
        },
        (err: unknown) => {
          const mapped = mapDockerError(err, context);
          if (mapped.code === ErrorCode.TIMEOUT && ++slowPings < 2) schedulePing();
          else loseOnce(mapped);
        },
      );
    }, timing.pingIntervalMs);
    pingTimer.unref?.();
  };
  schedulePing();

  return {
    candidate,
    docker,
    version: toEngineVersion(raw),
    followEvents() {
      if (disposed || lost || watch) return;
      // Not awaited (the caller is a listener being added); a refused stream counts as a lost link and reconnects.
      follow().ready.catch((err: unknown) => loseOnce(lostError(err, context)));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cleanup();
    },
  };
}

/** A stream that simply ended carries no specific cause; it still means the link is gone. */
function lostError(error: unknown, context: { object: string }): BerthError {
  const mapped = mapDockerError(error, context);
  if (mapped.code !== ErrorCode.ENGINE_ERROR) return mapped;
  return new BerthError(
    ErrorCode.ENGINE_UNREACHABLE,
    'The connection to the engine was lost. Berth is reconnecting; check that the engine is still running.',
    mapped.details ?? { cause: mapped.message },
  );
}

export function toEngineVersion(v: Partial<Dockerode.DockerVersion>): EngineVersion {
  const names = [v.Platform?.Name ?? '', ...(v.Components ?? []).map((c) => c.Name)].join(' ').toLowerCase();
  const product = names.includes('podman')
    ? 'podman'
    : names.includes('docker') || names.includes('engine')
      ? 'docker'
      : 'unknown';
  return {
    version: v.Version ?? 'unknown',
    apiVersion: v.ApiVersion ?? 'unknown',
    os: v.Os ?? 'unknown',
    arch: v.Arch ?? 'unknown',
    ...(v.KernelVersion ? { kernelVersion: v.KernelVersion } : {}),
    product,
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BerthError(ErrorCode.TIMEOUT, 'The engine did not open its event stream in time.')),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
