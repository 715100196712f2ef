import type Dockerode from 'dockerode';
import { ErrorCode, type EngineCandidate, type EngineStatus, type InstallHint } from '../../contract';
import { createDockerClient } from '../../docker/client';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import type { EventBus } from '../../base/event-bus';
import type { EmbeddedEngine } from '../../providers/types';
import { EmbeddedOwner } from './engine-embedded';
import { openConnection, type EngineConnection } from './engine-connection';
import { EngineStatusTracker, isInstallHint } from './engine-status';
import { Listeners } from './listeners';

/** Why listeners should reload their collections. */
export type RelistReason = 'connected' | 'reconnected' | 'reconcile';

export interface EngineManagerTiming {
  requestTimeoutMs: number;
  pingIntervalMs: number;
  reconcileIntervalMs: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
}

export const defaultTiming: EngineManagerTiming = {
  requestTimeoutMs: 5_000,
  pingIntervalMs: 5_000,
  reconcileIntervalMs: 45_000,
  backoffInitialMs: 250,
  backoffMaxMs: 5_000,
};

export interface EngineManagerOptions {
  bus: EventBus;
  /** The preference in force ('auto', 'embedded' or an endpoint URL): the --engine flag, else settings. */
  preferred: string;
  /** Candidates to try, in order, for a preference (discovery + resolvePreferred). */
  candidatesFor: (preferred: string) => Promise<EngineCandidate[]>;
  /** Starts (or reuses) Berth's own engine; throws ENGINE_NOT_INSTALLED with an InstallHint when it cannot. */
  startEmbedded: () => Promise<EmbeddedEngine>;
  /** Whether an embedded engine's process still runs (so a reconnect can restart a crashed one). */
  isAlive?: (pid: number) => boolean;
  createClient?: (candidate: EngineCandidate) => Dockerode;
  timing?: Partial<EngineManagerTiming>;
}

/**
 * Owns the link to one container engine: picks the first reachable candidate, keeps one /events stream open
 * (once anyone listens), reports every state change as 'engine.status', reconnects to the same engine with
 * backoff when the link is lost, and asks listeners to relist after (re)connecting and periodically. dispose() stops all of it, and an
 * embedded engine only if this manager started it.
 */
export class EngineManager {
  private readonly timing: EngineManagerTiming;
  private readonly status: EngineStatusTracker;
  private readonly eventListeners = new Listeners<DockerEvent>('engine event');
  private readonly relistListeners = new Listeners<RelistReason>('relist');
  private preferred: string;
  /** Bumped by every reselect/teardown so async work started for an older attempt knows to stop. */
  private generation = 0;
  private connection: EngineConnection | undefined;
  private readonly embedded: EmbeddedOwner;
  private retryTimer: NodeJS.Timeout | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private selecting: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: EngineManagerOptions) {
    this.timing = { ...defaultTiming, ...options.timing };
    this.preferred = options.preferred;
    this.status = new EngineStatusTracker(options.bus);
    this.embedded = new EmbeddedOwner(options.startEmbedded, options.isAlive);
  }

  /** Starts connecting in the background; progress is reported through 'engine.status'. */
  start(): void {
    void this.reselect();
  }

  /** The preference in force: the --engine flag until settings change it. */
  get preferredEngine(): string {
    return this.preferred;
  }

  getStatus(): EngineStatus {
    return this.status.current;
  }

  /** The connected engine's client, for services. Throws a BerthError saying why when there is none. */
  docker(): Dockerode {
    if (this.connection) return this.connection.docker;
    const s = this.status.current;
    if (s.state === 'not-installed') {
      throw new BerthError(
        ErrorCode.ENGINE_NOT_INSTALLED,
        'No container engine is installed. Install one (see the engine status for the commands) and retry.',
        s.install,
      );
    }
    const name = s.engine ? ` (${s.engine.label})` : '';
    const why =
      s.state === 'unreachable'
        ? `The container engine${name} cannot be reached; Berth keeps trying to reconnect.`
        : `The container engine${name} is not connected yet; try again in a moment.`;
    throw new BerthError(ErrorCode.ENGINE_UNREACHABLE, why, s.error);
  }

  /** The /events stream is opened for the first listener, so a backend nobody follows never opens one. */
  onEvent(listener: (event: DockerEvent) => void): () => void {
    const off = this.eventListeners.add(listener);
    this.connection?.followEvents();
    return off;
  }

  onRelist(listener: (reason: RelistReason) => void): () => void {
    return this.relistListeners.add(listener);
  }

  /** Drops the link and selects an engine again now, skipping any backoff wait. */
  async reconnect(): Promise<EngineStatus> {
    await this.reselect();
    return this.status.current;
  }

  /** Switches to another preference ('auto', 'embedded' or a URL) and connects to it. */
  async setPreferred(preferred: string): Promise<EngineStatus> {
    this.preferred = preferred;
    return this.reconnect();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.teardown();
    await this.selecting.catch(() => {});
    await this.embedded.stop();
    this.status.set({ state: 'stopped' });
    this.eventListeners.clear();
    this.relistListeners.clear();
  }

  /** Serialised so a settings change during a slow start does not run two selections side by side. */
  private reselect(): Promise<void> {
    const gen = this.teardown();
    const run = this.selecting.catch(() => {}).then(() => this.select(gen));
    this.selecting = run;
    return run;
  }

  /** Closes the current link and cancels pending timers; returns the new generation. */
  private teardown(): number {
    this.generation++;
    clearTimeout(this.retryTimer);
    clearInterval(this.reconcileTimer);
    this.connection?.dispose();
    this.connection = undefined;
    return this.generation;
  }

  private stale(gen: number): boolean {
    return this.disposed || gen !== this.generation;
  }

  /** Tries the candidates in order; the embedded one is started only when reached. */
  private async select(gen: number, attempt = 0): Promise<void> {
    if (this.stale(gen)) return;
    let candidates: EngineCandidate[];
    try {
      candidates = await this.options.candidatesFor(this.preferred);
    } catch (err) {
      candidates = [];
      console.error('[berth] engine discovery failed:', err);
    }
    let firstError: { candidate: EngineCandidate; error: BerthError } | undefined;
    let install: InstallHint | undefined;
    for (const candidate of candidates) {
      if (this.stale(gen)) return;
      // Retries stay 'unreachable' (with the attempt counter) instead of flickering through 'connecting'.
      const error = await this.tryCandidate(candidate, gen, 'connected', attempt === 0);
      if (!error) {
        if (!candidate.embedded) await this.embedded.stop();
        return;
      }
      if (error.code === ErrorCode.ENGINE_NOT_INSTALLED && isInstallHint(error.details))
        install = error.details;
      else firstError ??= { candidate, error };
    }
    if (this.stale(gen)) return;
    if (install && !firstError) {
      // Nothing to retry on its own: the user has to install an engine, then press retry (engine.reconnect).
      this.status.set({
        state: 'not-installed',
        install,
        error: { code: ErrorCode.ENGINE_NOT_INSTALLED, message: 'No container engine is installed.' },
      });
      return;
    }
    const error =
      firstError?.error ??
      new BerthError(
        ErrorCode.ENGINE_UNREACHABLE,
        'No container engine was found. Start Docker or Podman, or choose an engine in Settings.',
      );
    this.scheduleRetry(gen, attempt + 1, error, firstError?.candidate ?? candidates[0], install, () =>
      this.select(gen, attempt + 1),
    );
  }

  /** Connects to one candidate (starting the embedded engine first if needed); returns the error on failure. */
  private async tryCandidate(
    candidate: EngineCandidate,
    gen: number,
    reason: RelistReason,
    announce: boolean,
  ): Promise<BerthError | undefined> {
    let target = candidate;
    try {
      if (candidate.embedded) {
        if (announce) this.status.set({ state: 'starting', engine: candidate });
        target = (await this.embedded.ensure()).candidate;
        if (this.stale(gen)) return undefined;
      }
      if (announce) this.status.set({ state: 'connecting', engine: target });
      const docker = (this.options.createClient ?? createDockerClient)(target);
      const connection = await openConnection(
        target,
        docker,
        {
          onEvent: (event) => this.eventListeners.emit(event),
          onLost: (error) => this.lost(gen, target, error),
        },
        this.timing,
        { events: this.eventListeners.size > 0 },
      );
      if (this.stale(gen)) {
        connection.dispose();
        return undefined;
      }
      this.connection = connection;
      this.status.set({ state: 'connected', engine: target, version: connection.version });
      this.reconcileTimer = setInterval(
        () => this.relistListeners.emit('reconcile'),
        this.timing.reconcileIntervalMs,
      );
      this.reconcileTimer.unref?.();
      this.relistListeners.emit(reason);
      return undefined;
    } catch (err) {
      return mapDockerError(err, { object: `the engine at ${target.endpoint}` });
    }
  }

  /** The link to the chosen engine broke: report it within the same tick and retry that engine only. */
  private lost(gen: number, candidate: EngineCandidate, error: BerthError): void {
    if (this.stale(gen)) return;
    const next = this.teardown();
    this.scheduleReconnect(next, candidate, 1, error);
  }

  private scheduleReconnect(
    gen: number,
    candidate: EngineCandidate,
    attempt: number,
    error: BerthError,
  ): void {
    this.scheduleRetry(gen, attempt, error, candidate, undefined, async () => {
      if (candidate.embedded) await this.embedded.restartIfDead();
      if (this.stale(gen)) return;
      const failure = await this.tryCandidate(candidate, gen, 'reconnected', false);
      if (failure && !this.stale(gen)) this.scheduleReconnect(gen, candidate, attempt + 1, failure);
    });
  }

  private scheduleRetry(
    gen: number,
    attempt: number,
    error: BerthError,
    engine: EngineCandidate | undefined,
    install: InstallHint | undefined,
    retry: () => Promise<void>,
  ): void {
    if (this.stale(gen)) return;
    const delay = Math.min(this.timing.backoffInitialMs * 2 ** (attempt - 1), this.timing.backoffMaxMs);
    this.status.set({
      state: 'unreachable',
      ...(engine ? { engine } : {}),
      ...(install ? { install } : {}),
      error: error.toData(),
      reconnect: { attempt, nextAttemptAt: Date.now() + delay },
    });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.stale(gen)) return;
      const run = this.selecting.catch(() => {}).then(retry);
      this.selecting = run;
    }, delay);
  }
}
