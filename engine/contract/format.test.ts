import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatMemory, formatRate, formatTime, plural, relativeTime } from './format';

describe('formatBytes', () => {
  it('shows decimal SI units, one decimal below 10 and none from 10 up', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(9_960_000)).toBe('10 MB');
    expect(formatBytes(10_000_000)).toBe('10 MB');
    expect(formatBytes(40_100_000)).toBe('40 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.1 GB');
  });

  it('moves up a unit instead of showing 1000', () => {
    expect(formatBytes(999_600)).toBe('1.0 MB');
    expect(formatBytes(999_400)).toBe('999 kB');
  });

  it('shows "—" for an unknown size', () => {
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('the other formatters', () => {
  it('formats rates like sizes', () => {
    expect(formatRate(1536)).toBe('1.5 kB/s');
    expect(formatRate(undefined)).toBe('—');
  });

  it('formats memory in binary units, as docker stats does', () => {
    expect(formatMemory(512 * 1024 ** 2)).toBe('512.0 MiB');
    expect(formatMemory(1023)).toBe('1023 B');
    expect(formatMemory(0)).toBe('0 B');
  });

  it('formats durations', () => {
    expect(formatDuration(400)).toBe('0 s');
    expect(formatDuration(59_600)).toBe('1 min 0 s');
    expect(formatDuration(3_725_000)).toBe('1 h 2 min');
  });

  it('formats moments relative to now and as local time', () => {
    const now = Date.UTC(2025, 0, 10);
    expect(relativeTime(now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(relativeTime(now - 24 * 3600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('not a date')).toBe('not a date');
    expect(formatTime('2025-01-10T00:00:00Z')).toBe(new Date(now).toLocaleString());
    expect(formatTime(now)).toBe(new Date(now).toLocaleString());
    expect(formatTime(0)).toBe('—');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'volume')).toBe('1 volume');
    expect(plural(3, 'volume')).toBe('3 volumes');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
