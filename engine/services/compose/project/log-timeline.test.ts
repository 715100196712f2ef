import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../contract';
import { byTime, sinceAfter, timeKey } from './log-timeline';

const line = (container: string, ts: string, text = `${container}@${ts}`): LogLine => ({ stream: 'stdout', text, ts, container, service: container });

describe('log timeline', () => {
  it('orders stamps by time although the engine trims trailing zeros', () => {
    expect(timeKey('2026-12-07T05:00:00.1Z') < timeKey('2026-12-07T05:00:00.123Z')).toBe(true);
    expect(timeKey('2026-12-07T05:00:00.9Z') < timeKey('2026-12-07T05:00:01Z')).toBe(true);
    expect(timeKey('2026-12-07T05:00:00.000000001Z')).toBe('2026-12-07T05:00:00.000000001');
  });

  it("merges containers' backlogs into one timeline, the same whatever order they arrived in", () => {
    const a = [line('a', '2026-12-07T05:00:00.1Z'), line('a', '2026-12-07T05:00:00.3Z'), line('a', '2026-12-07T05:00:00.3Z', 'a second at .3')];
    const b = [line('b', '2026-12-07T05:00:00.2Z'), line('b', '2026-12-07T05:00:00.3Z'), line('b', '2026-12-07T05:00:00.25Z')];
    const expected = ['a@2026-12-07T05:00:00.1Z', 'b@2026-12-07T05:00:00.2Z', 'b@2026-12-07T05:00:00.25Z', 'a@2026-12-07T05:00:00.3Z', 'a second at .3', 'b@2026-12-07T05:00:00.3Z'];
    expect(byTime([...a, ...b]).map((l) => l.text)).toEqual(expected);
    expect(byTime([...b, ...a]).map((l) => l.text)).toEqual(expected);
  });

  it('follows from one nanosecond after the last stamp, carrying into the next second', () => {
    const at = Date.parse('2026-12-07T05:00:00Z') / 1000;
    expect(sinceAfter('2026-12-07T05:00:00.12Z')).toBe(`${at}.120000001`);
    expect(sinceAfter('2026-12-07T05:00:00Z')).toBe(`${at}.000000001`);
    expect(sinceAfter('2026-12-07T05:00:00.999999999Z')).toBe(`${at + 1}.000000000`);
    expect(sinceAfter('yesterday')).toBeUndefined();
  });
});
