import { parseDotEnv } from './dotenv';

describe('parseDotEnv', () => {
  it('reads the syntax compose accepts', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = around  ',
      'INLINE=value # comment',
      'HASH=a#b',
      "SINGLE='${NOT} interpolated # kept'",
      'DOUBLE="line1\\nline2 \\"quoted\\""',
      'MULTI="first',
      'second"',
      'EMPTY=',
      'COLON: yaml-style',
      'REF=${PLAIN}-x',
      'QREF="${PLAIN} in quotes"',
      'ESC="\\$PLAIN"',
    ].join('\n');
    expect(parseDotEnv(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'around',
      INLINE: 'value',
      HASH: 'a#b',
      SINGLE: '${NOT} interpolated # kept',
      DOUBLE: 'line1\nline2 "quoted"',
      MULTI: 'first\nsecond',
      EMPTY: '',
      COLON: 'yaml-style',
      REF: 'value-x',
      QREF: 'value in quotes',
      ESC: '$PLAIN',
    });
  });

  it('interpolates from the process environment before earlier keys, and handles CRLF', () => {
    const out = parseDotEnv('A=file\r\nB=${A}\r\nC=${UNSET:-dflt}\r\n', (n) => (n === 'A' ? 'process' : undefined));
    expect(out).toEqual({ A: 'file', B: 'process', C: 'dflt' });
  });

  it('takes a bare KEY from the environment and skips it when unset', () => {
    expect(parseDotEnv('HOME\nNOPE\n', (n) => (n === 'HOME' ? '/home/me' : undefined))).toEqual({ HOME: '/home/me' });
  });

  it.each([
    ['UNTERMINATED="abc', /line 1: unterminated quoted value for UNTERMINATED/],
    ['OK=1\nBAD KEY=1', /line 2: expected "=" after BAD/],
    ['"QUOTED"=x', /line 1: unexpected character "\\"" at column 1/],
    ['A="x" trailing', /unexpected text after the quoted value of A/],
  ])('rejects %j', (text, message) => {
    expect(() => parseDotEnv(text)).toThrow(message);
  });

  it('never repeats a secret value from the offending line in its error', () => {
    for (const text of ['DB PASS=hunter2-secret', '"sk-live-hunter2-secret"', 'API$KEY=hunter2-secret']) {
      let message = '';
      try {
        parseDotEnv(text);
      } catch (err) {
        message = err instanceof Error ? err.message : String(err);
      }
      expect(message).toMatch(/line 1/);
      expect(message).not.toContain('hunter2');
    }
  });
});
