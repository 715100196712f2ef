import { interpolateString, interpolateValue } from './interpolate';
import { type ComposeIssue } from './problems';

const env: Record<string, string> = { NAME: 'web', EMPTY: '', PORT: '8080' };
const lookup = (n: string) => env[n];

function run(input: string): { out: string; unset: string[] } {
  const unset: string[] = [];
  return { out: interpolateString(input, lookup, (n) => unset.push(n)), unset };
}

describe('interpolateString', () => {
  it.each([
    ['${NAME}', 'web'],
    ['$NAME', 'web'],
    ['$NAME-suffix', 'web-suffix'],
    ['pre${NAME}post', 'prewebpost'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${MISSING-fallback}', 'fallback'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${NAME:-fallback}', 'web'],
    ['${NAME:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${MISSING+alt}', ''],
    ['${NAME:?required}', 'web'],
    ['${EMPTY?required}', ''],
    ['${MISSING:-${PORT}}', '8080'],
    ['${MISSING:-${ALSO_MISSING:-deep}}', 'deep'],
    ['${MISSING:-a ${NAME} b}', 'a web b'],
    ['$$', '$'],
    ['$${NAME}', '${NAME}'],
    ['cost: $$5', 'cost: $5'],
    ['no variables', 'no variables'],
  ])('%s → %s', (input, expected) => {
    expect(run(input).out).toBe(expected);
  });

  it('turns an unset variable without default into "" and reports it', () => {
    expect(run('a${MISSING}b$OTHER')).toEqual({ out: 'ab', unset: ['MISSING', 'OTHER'] });
  });

  it('does not report variables whose default was used', () => {
    expect(run('${MISSING:-x}').unset).toEqual([]);
  });

  it.each([
    ['${MISSING:?set MISSING please}', 'required variable MISSING is missing a value: set MISSING please'],
    ['${EMPTY:?must not be empty}', 'required variable EMPTY is missing a value: must not be empty'],
    ['${MISSING?}', 'required variable MISSING is missing a value'],
  ])('%s fails with a clear message', (input, message) => {
    expect(() => run(input)).toThrow(message);
  });

  it.each(['${', '${NAME', '$1', 'trailing $', '${1BAD}', '${NAME:x}', '${}'])('rejects invalid syntax %s', (input) => {
    expect(() => run(input)).toThrow(/invalid interpolation format/);
  });
});

describe('interpolateValue', () => {
  it('interpolates values at any depth but never keys', () => {
    const issues: ComposeIssue[] = [];
    const out = interpolateValue({ '${NAME}': ['$PORT', { x: '${NAME}' }], n: 3 }, { lookup, onUnset: () => {}, onError: (i) => issues.push(i) });
    expect(out).toEqual({ '${NAME}': ['8080', { x: 'web' }], n: 3 });
    expect(issues).toEqual([]);
  });

  it('reports every bad value with its key path and keeps going', () => {
    const issues: ComposeIssue[] = [];
    interpolateValue({ services: { a: { image: '${X:?need X}' }, b: { ports: ['$'] } } }, { lookup, onUnset: () => {}, onError: (i) => issues.push(i) });
    expect(issues.map((i) => i.path)).toEqual([
      ['services', 'a', 'image'],
      ['services', 'b', 'ports', 0],
    ]);
  });
});
