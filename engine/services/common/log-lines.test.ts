import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../contract';
import { LineSplitter, LogBatcher, MAX_LINE_CHARS } from './log-lines';

describe('LineSplitter', () => {
  it('joins partial lines, strips CR and splits off timestamps', () => {
    const lines: LogLine[] = [];
    const s = new LineSplitter('stderr', true, (l) => lines.push(l));
    s.push(Buffer.from('2024-05-01T10:00:00.123456789Z hel'));
    s.push(Buffer.from('lo\r\n2024-05-01T10:00:01Z second\n2024-05-01T10:00:02Z tail'));
    s.end();
    expect(lines).toEqual([
      { stream: 'stderr', text: 'hello', ts: '2024-05-01T10:00:00.123456789Z' },
      { stream: 'stderr', text: 'second', ts: '2024-05-01T10:00:01Z' },
      { stream: 'stderr', text: 'tail', ts: '2024-05-01T10:00:02Z' },
    ]);
  });

  it('decodes UTF-8 split across chunks and cuts over-long lines', () => {
    const lines: LogLine[] = [];
    const s = new LineSplitter('stdout', false, (l) => lines.push(l));
    const euro = Buffer.from('€\n');
    s.push(euro.subarray(0, 1));
    s.push(euro.subarray(1));
    s.push(Buffer.from('x'.repeat(MAX_LINE_CHARS + 10)));
    s.end();
    expect(lines.map((l) => l.text.length)).toEqual([1, MAX_LINE_CHARS, 10]);
    expect(lines[0]?.text).toBe('€');
  });
});

describe('LogBatcher', () => {
  afterEach(() => vi.useRealTimers());
  const line = (i: number): LogLine => ({ stream: 'stdout', text: `line ${i}` });

  it('flushes after the interval or at the batch size', () => {
    vi.useFakeTimers();
    const sent: { lines: LogLine[]; dropped?: number }[] = [];
    const b = new LogBatcher({ send: (c) => (sent.push(c), true), drained: () => Promise.resolve() }, { pause: vi.fn(), resume: vi.fn() }, {
      intervalMs: 50,
      maxBatch: 3,
      maxPending: 100,
      stallMs: 1000,
    });
    b.add(line(1));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([{ lines: [line(1)] }]);
    b.add(line(2));
    b.add(line(3));
    b.add(line(4));
    expect(sent[1]).toEqual({ lines: [line(2), line(3), line(4)] });
  });

  it('pauses the source while the client is behind, then drops the oldest lines and reports them', async () => {
    vi.useFakeTimers();
    const sent: { lines: LogLine[]; dropped?: number }[] = [];
    let release: () => void = () => undefined;
    const source = { pause: vi.fn(), resume: vi.fn() };
    const b = new LogBatcher(
      { send: (c) => (sent.push(c), false), drained: () => new Promise<void>((r) => (release = r)) },
      source,
      { intervalMs: 50, maxBatch: 2, maxPending: 3, stallMs: 1000 },
    );
    b.add(line(1));
    b.add(line(2));
    expect(sent).toHaveLength(1);
    expect(source.pause).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(source.resume).toHaveBeenCalledTimes(1); // stalled too long: read on, keep the newest
    for (let i = 3; i <= 8; i++) b.add(line(i));
    expect(sent).toHaveLength(1);
    release();
    await vi.runAllTimersAsync();
    expect(sent[1]).toEqual({ lines: [line(6), line(7), line(8)], dropped: 3 });
    expect(b.totalDropped).toBe(3);
  });
});
