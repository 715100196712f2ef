import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../api/contract';
import { addEntry, entriesOf, envProblem, parseEnv, removeEntry, serializeEnv, setEntry } from './envModel';
import { createLogBuffer, matches, serviceColor } from './logBuffer';
import { fileProblemMarkers, problemLocation, problemsOf } from './problems';
import { overallFraction } from './progress';
import { composeRouteFromHash, projectHref } from './route';
import { step, task } from './testing/projects';

describe('.env model', () => {
  const text = '# comment\n\nexport A=1\nB = "two words"\n';
  it('keeps comments, blank lines and untouched entries byte for byte', () => {
    expect(serializeEnv(parseEnv(text))).toBe(text);
    expect(entriesOf(parseEnv(text))).toEqual([
      { index: 2, key: 'A', value: '1' },
      { index: 3, key: 'B', value: '"two words"' },
    ]);
  });
  it('rewrites only the edited entry, and adds and removes rows', () => {
    const lines = setEntry(parseEnv(text), 2, { value: '2' });
    expect(serializeEnv(lines)).toBe('# comment\n\nA=2\nB = "two words"\n');
    const added = setEntry(addEntry(lines), 4, { key: 'C', value: 'x' });
    expect(serializeEnv(removeEntry(added, 3))).toBe('# comment\n\nA=2\nC=x\n');
  });
  it('keeps a new row with no name yet, and says what is wrong with names', () => {
    const lines = parseEnv(serializeEnv(addEntry(parseEnv('A=1\n'))));
    expect(entriesOf(lines)).toHaveLength(2);
    expect(envProblem(lines)).toBe('A variable has no name.');
    expect(envProblem(parseEnv('A=1\nA=2\n'))).toMatch(/A is defined twice/);
    expect(envProblem(parseEnv('9X=1\n'))).toMatch(/not a valid variable name/);
    expect(envProblem(parseEnv('A_1=\n'))).toBeNull();
    expect(serializeEnv([])).toBe('');
  });
});

describe('log buffer', () => {
  it('drops the oldest lines past its bound and counts what the backend skipped', () => {
    const buffer = createLogBuffer(3);
    buffer.append([1, 2].map((n) => ({ stream: 'stdout' as const, text: `l${n}` })));
    buffer.append([3, 4].map((n) => ({ stream: 'stdout' as const, text: `l${n}` })), 7);
    expect(buffer.lines.map((l) => l.text)).toEqual(['l2', 'l3', 'l4']);
    expect(buffer.lines.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(buffer.dropped).toBe(7);
  });
  it('matches text or service, case-insensitively; colours are stable per service', () => {
    expect(matches({ stream: 'stdout', text: 'GET /', service: 'web' }, 'WEB')).toBe(true);
    expect(matches({ stream: 'stdout', text: 'GET /', service: 'web' }, 'post')).toBe(false);
    expect(serviceColor('web')).toBe(serviceColor('web'));
    expect(serviceColor(undefined)).toBe('inherit');
  });
});

describe('compose problems', () => {
  it('reads located problems from INVALID_ARGUMENT details and prints file:line:col', () => {
    const problems = problemsOf({
      code: ErrorCode.INVALID_ARGUMENT,
      message: 'invalid',
      details: { problems: [{ file: '/a/compose.yaml', line: 3, col: 5, path: 'services', message: 'bad' }, { nope: 1 }, { message: 'no place', path: '' }] },
    });
    expect(problems.map(problemLocation)).toEqual(['compose.yaml:3:5', '']);
    expect(problemsOf({ code: ErrorCode.INVALID_ARGUMENT, message: 'x', details: 'text' })).toEqual([]);
    expect(fileProblemMarkers(problems, '/a/compose.yaml')).toEqual([
      { line: 3, col: 5, message: 'bad', severity: 'error', source: 'berth' },
      { line: 1, col: 1, message: 'no place', severity: 'error', source: 'berth' },
    ]);
  });
});

describe('progress and routes', () => {
  it('computes overall progress from steps when the task has no fraction', () => {
    expect(overallFraction(task('t', { steps: [step('a', 'done'), step('b', 'running'), step('c', 'waiting'), step('d', 'failed')] }))).toBeCloseTo(2.5 / 4);
    expect(overallFraction(task('t', { progress: { fraction: 0.9 } }))).toBe(0.9);
    expect(overallFraction(task('t'))).toBeUndefined();
    expect(overallFraction(task('t', { state: 'failed' }))).toBe(1);
  });
  it('parses and builds compose routes', () => {
    expect(composeRouteFromHash('#/compose')).toEqual({ view: 'projects' });
    expect(composeRouteFromHash('#/compose/shop')).toEqual({ view: 'project', name: 'shop', tab: 'services' });
    expect(composeRouteFromHash('#/compose/shop/files')).toEqual({ view: 'project', name: 'shop', tab: 'files' });
    expect(composeRouteFromHash('#/compose/shop/bogus')).toEqual({ view: 'project', name: 'shop', tab: 'services' });
    expect(projectHref('shop', 'logs')).toBe('#/compose/shop/logs');
    expect(projectHref('shop')).toBe('#/compose/shop');
  });
});
