import type Dockerode from 'dockerode';
import { diskUsage } from '../../docker/disk-usage';
import type { EngineVolume } from '../common/volume-usage';

/** At most one disk-usage walk for sizes this often: df walks every volume on disk. */
export const SIZE_REFRESH_MIN_INTERVAL_MS = 10_000;

/**
 * Volume sizes from the engine's disk-usage report (the only source: the volume API has none). Events cannot say
 * when a container wrote into a volume, so sizes are read again when asked (the Volumes page is shown), when a
 * container stops using a volume (`unmount`) and after Berth writes into one, never more often than the
 * interval: a request inside it is served once when it is over, and requests in between share that read.
 */
export class VolumeSizes {
  private readonly sizes = new Map<string, number>();
  private lastRead = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly docker: () => Dockerode,
    private readonly onChanged: (names: string[]) => void,
    private readonly minIntervalMs = SIZE_REFRESH_MIN_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(name: string): number | undefined {
    return this.sizes.get(name);
  }

  /** Takes the sizes of a disk-usage report; answers the volumes whose size changed (not new ones). */
  record(volumes: EngineVolume[] | null | undefined): string[] {
    this.lastRead = this.now();
    const changed: string[] = [];
    for (const v of volumes ?? []) {
      const size = v.UsageData?.Size;
      if (size === undefined || size < 0) continue;
      const before = this.sizes.get(v.Name);
      if (before !== undefined && before !== size) changed.push(v.Name);
      this.sizes.set(v.Name, size);
    }
    return changed;
  }

  /** Asks for fresh sizes: read now, or once the interval since the last read is over. */
  request(): void {
    if (this.disposed || this.timer || this.reading) return;
    const wait = this.lastRead + this.minIntervalMs - this.now();
    if (wait <= 0) void this.read();
    else {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.read();
      }, wait);
      this.timer.unref?.();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private read(): Promise<void> {
    this.reading ??= diskUsage<{ Volumes?: EngineVolume[] | null }>(this.docker())
      .then((df) => {
        const changed = this.record(df.Volumes);
        if (changed.length > 0 && !this.disposed) this.onChanged(changed);
      })
      .catch((err: unknown) => console.warn('[berth] reading volume sizes failed:', err instanceof Error ? err.message : err))
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}
