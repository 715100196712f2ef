import type { EmbeddedEngine } from '../../providers/types';

/**
 * Holds the embedded engine this backend uses, so that the one it launched, and no other, is stopped on switch
 * or dispose. An engine startEmbeddedEngine found already running (another Berth process, `berth engine start`,
 * an earlier run) is used but left running: a `berth compose` command must not stop the app's engine.
 */
export class EmbeddedOwner {
  private engine: EmbeddedEngine | undefined;
  private starting: Promise<EmbeddedEngine> | undefined;

  constructor(
    private readonly start: () => Promise<EmbeddedEngine>,
    private readonly isAlive: (pid: number) => boolean = processIsAlive,
  ) {}

  /** Starts the engine once; concurrent callers share the same start. */
  async ensure(): Promise<EmbeddedEngine> {
    if (this.engine) return this.engine;
    // The handle is recorded by the start promise itself, so a stop() awaiting it always sees it.
    this.starting ??= this.start()
      .then((engine) => (this.engine = engine))
      .finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** A crashed embedded dockerd leaves its socket behind; reconnecting to it would never succeed. */
  async restartIfDead(): Promise<void> {
    const pid = this.engine?.pid;
    if (!this.engine || pid === undefined || this.isAlive(pid)) return;
    await this.stop();
    try {
      await this.ensure();
    } catch (err) {
      console.error('[berth] restarting the embedded engine failed:', err);
    }
  }

  async stop(): Promise<void> {
    // A start still in flight must finish first, or the engine it launches would be left running.
    if (this.starting) await this.starting.catch(() => undefined);
    const engine = this.engine;
    this.engine = undefined;
    if (!engine || engine.reused) return;
    try {
      await engine.stop();
    } catch (err) {
      console.error('[berth] stopping the embedded engine failed:', err);
    }
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else (a rootless engine started as another user).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
