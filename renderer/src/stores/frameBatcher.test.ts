import { describe, expect, it } from 'vitest';
import { createFrameBatcher, type Scheduler } from './frameBatcher';

describe('createFrameBatcher', () => {
  it('batches pushes until the scheduled frame runs', () => {
    const runs: (() => void)[] = [];
    const batches: number[][] = [];
    const b = createFrameBatcher<number>((batch) => batches.push(batch), (run) => (runs.push(run), () => undefined));
    b.push(1);
    b.push(2);
    expect(runs).toHaveLength(1);
    runs[0]?.();
    b.push(3);
    runs[1]?.();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('keeps applying batches with a scheduler that runs synchronously', () => {
    const immediate: Scheduler = (run) => (run(), () => undefined);
    const batches: number[][] = [];
    const b = createFrameBatcher<number>((batch) => batches.push(batch), immediate);
    b.push(1);
    b.push(2);
    b.push(3);
    expect(batches).toEqual([[1], [2], [3]]);
  });

  it('drops pending items on dispose', () => {
    let cancelled = false;
    const batches: number[][] = [];
    const b = createFrameBatcher<number>((batch) => batches.push(batch), () => () => (cancelled = true));
    b.push(1);
    b.dispose();
    b.flush();
    expect(cancelled).toBe(true);
    expect(batches).toEqual([]);
  });
});
