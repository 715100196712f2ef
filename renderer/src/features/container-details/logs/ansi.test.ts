import { describe, expect, it } from 'vitest';
import { findMatches, highlight, PALETTE, parseAnsi, stripAnsi } from './ansi';

describe('ANSI SGR parser', () => {
  it('turns colour and style codes into segments and resets', () => {
    expect(parseAnsi('\x1b[1;31mERROR\x1b[0m done')).toEqual([
      { text: 'ERROR', style: { bold: true, fg: PALETTE[1] } },
      { text: ' done', style: {} },
    ]);
    expect(parseAnsi('\x1b[92mok\x1b[39m \x1b[44mbg')).toEqual([
      { text: 'ok', style: { fg: PALETTE[10] } },
      { text: ' ', style: {} },
      { text: 'bg', style: { bg: PALETTE[4] } },
    ]);
  });

  it('understands 256-colour and true-colour codes', () => {
    expect(parseAnsi('\x1b[38;5;196mred')[0]?.style.fg).toBe('#ff0000');
    expect(parseAnsi('\x1b[38;5;244mgrey')[0]?.style.fg).toBe('#808080');
    expect(parseAnsi('\x1b[48;2;1;2;3mx')[0]?.style.bg).toBe('#010203');
  });

  it('removes other escape sequences and leaves plain text alone', () => {
    expect(stripAnsi('\x1b[2K\x1b[1Gprogress \x1b]0;title\x07100%')).toBe('progress 100%');
    expect(parseAnsi('plain')).toEqual([{ text: 'plain', style: {} }]);
    expect(parseAnsi('')).toEqual([]);
  });

  it('finds matches case-insensitively and marks them across styled segments', () => {
    const segments = parseAnsi('ab\x1b[31mcDe\x1b[0mcd');
    const ranges = findMatches('abcDecd', 'cd');
    expect(ranges).toEqual([[2, 4], [5, 7]]);
    expect(highlight(segments, ranges, 1)).toEqual([
      { text: 'ab', style: {} },
      { text: 'cD', style: { fg: PALETTE[1] }, match: 'match' },
      { text: 'e', style: { fg: PALETTE[1] } },
      { text: 'cd', style: {}, match: 'current' },
    ]);
  });
});
