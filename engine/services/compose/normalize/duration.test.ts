import { formatDuration, normaliseDuration, parseDuration } from './duration';

describe('durations', () => {
  it.each([
    ['30s', '30s'],
    ['90s', '1m30s'],
    ['1m', '1m0s'],
    ['1h', '1h0m0s'],
    ['1m30s', '1m30s'],
    ['500ms', '500ms'],
    ['1.5s', '1.5s'],
    ['0', '0s'],
  ])('%s prints as %s', (input, expected) => {
    expect(normaliseDuration(input)).toBe(expected);
  });

  it('parses to nanoseconds and rejects junk', () => {
    expect(parseDuration('2m3s')).toBe(123e9);
    expect(formatDuration(1500)).toBe('1.5µs');
    expect(() => parseDuration('10 seconds')).toThrow(/invalid duration/);
    expect(() => parseDuration('10')).toThrow(/invalid duration/);
  });
});
