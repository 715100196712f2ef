import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../api/contract';
import { LogRing } from './logRing';

const lines = (from: number, to: number, stream: LogLine['stream'] = 'stdout'): LogLine[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ stream, text: `line ${from + i}` }));

describe('LogRing', () => {
  it('keeps the newest lines up to its capacity and counts what it pushed out', () => {
    const ring = new LogRing(5);
    ring.append(lines(1, 3));
    expect(ring.size).toBe(3);
    ring.append(lines(4, 8), 2);
    expect(ring.size).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => ring.get(i)?.text)).toEqual(['line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
    expect(ring.dropped).toBe(3 + 2);
    expect(ring.firstSeq).toBe(3);
    expect(ring.get(5)).toBeUndefined();
  });

  it('stays flat under 10,000 lines a second for a minute', () => {
    const ring = new LogRing(100_000);
    for (let s = 0; s < 60; s++) ring.append(lines(s * 10_000, s * 10_000 + 9_999));
    expect(ring.size).toBe(100_000);
    expect(ring.get(99_999)?.text).toBe('line 599999');
  });

  it('holds lines while paused and shows them on resume', () => {
    const ring = new LogRing(10);
    ring.append(lines(1, 2));
    ring.setPaused(true);
    const v = ring.version;
    ring.append(lines(3, 4));
    expect(ring.size).toBe(2);
    expect(ring.waiting).toBe(2);
    expect(ring.version).toBe(v);
    ring.setPaused(false);
    expect(ring.size).toBe(4);
    expect(ring.version).toBeGreaterThan(v);
  });

  it('searches plain text and writes a .log file', () => {
    const ring = new LogRing(10);
    ring.append([
      { stream: 'stdout', text: '\x1b[32mready\x1b[0m', ts: '2024-01-01T00:00:00Z' },
      { stream: 'stderr', text: 'Not READY yet' },
    ]);
    expect(ring.search('ready')).toEqual([0, 1]);
    expect(ring.search('not')).toEqual([1]);
    expect(ring.toText(true)).toBe('2024-01-01T00:00:00Z ready\n[stderr] Not READY yet\n');
    ring.clear();
    expect(ring.size).toBe(0);
  });
});
