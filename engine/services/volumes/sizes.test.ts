import type Dockerode from 'dockerode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VolumeSizes } from './sizes';

// The throttle's timing with a stand-in for the engine's df (the real read is in files.int.test.ts).
const volumes = (sizes: Record<string, number>) => ({
  Volumes: Object.entries(sizes).map(([Name, Size]) => ({ Name, Driver: 'local', Mountpoint: '', UsageData: { Size, RefCount: 0 } })),
});

function setup(answers: Record<string, number>[]) {
  let clock = 0;
  const df = vi.fn(() => Promise.resolve(volumes(answers.shift() ?? {})));
  const changed: string[][] = [];
  const sizes = new VolumeSizes(() => ({ df }) as unknown as Dockerode, (names) => changed.push(names), 10_000, () => clock);
  return { sizes, df, changed, advance: (ms: number) => (clock += ms) };
}

afterEach(() => vi.useRealTimers());

describe('VolumeSizes', () => {
  it('reads at once when the last read is old, and reports only the sizes that changed', async () => {
    const { sizes, df, changed } = setup([{ a: 10, b: 20 }]);
    sizes.record(volumes({ a: 10, b: 5 }).Volumes);
    expect(sizes.get('b')).toBe(5);
    // The record above was a read at t=0: a request at t=0 waits for the interval.
    vi.useFakeTimers();
    sizes.request();
    expect(df).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(df).toHaveBeenCalledTimes(1);
    expect(changed).toEqual([['b']]);
    expect(sizes.get('b')).toBe(20);
  });

  it('serves many requests inside the interval with one read', async () => {
    vi.useFakeTimers();
    const { sizes, df, advance } = setup([{ a: 1 }, { a: 2 }]);
    sizes.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(df).toHaveBeenCalledTimes(1);
    advance(3_000);
    for (let i = 0; i < 20; i++) sizes.request();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(df).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(df).toHaveBeenCalledTimes(2);
    sizes.dispose();
    advance(60_000);
    sizes.request();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(df).toHaveBeenCalledTimes(2);
  });
});
