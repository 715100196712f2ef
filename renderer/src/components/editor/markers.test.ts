import { describe, expect, it } from 'vitest';
import { BERTH_MARKER_OWNER, fromMonacoMarker, MONACO_SEVERITY, sortMarkers, toMonacoMarker, withoutDuplicates } from './markers';

describe('editor markers', () => {
  it('maps Berth markers to Monaco marker data, keeping a squiggle on its line without an end', () => {
    expect(toMonacoMarker({ line: 2, col: 3, message: 'bad', severity: 'warning' }, 10)).toEqual({
      startLineNumber: 2,
      startColumn: 3,
      endLineNumber: 2,
      endColumn: 11,
      message: 'bad',
      severity: MONACO_SEVERITY.warning,
      source: 'Berth',
    });
    expect(toMonacoMarker({ line: 0, col: 0, message: 'x', severity: 'error' }).startLineNumber).toBe(1);
  });
  it("reads Monaco markers back, telling Berth's from the schema's", () => {
    const base = { startLineNumber: 4, startColumn: 1, endLineNumber: 4, endColumn: 5, message: 'm' };
    expect(
      fromMonacoMarker({ ...base, severity: MONACO_SEVERITY.error, owner: BERTH_MARKER_OWNER }),
    ).toMatchObject({ severity: 'error', source: 'berth' });
    expect(fromMonacoMarker({ ...base, severity: MONACO_SEVERITY.warning, owner: 'yaml' })).toMatchObject({
      severity: 'warning',
      source: 'schema',
    });
    expect(fromMonacoMarker({ ...base, severity: MONACO_SEVERITY.hint })).toMatchObject({ severity: 'info' });
  });
  it('sorts by position, errors first', () => {
    const sorted = sortMarkers([
      { line: 3, col: 1, message: 'c', severity: 'error' },
      { line: 1, col: 5, message: 'b', severity: 'warning' },
      { line: 1, col: 5, message: 'a', severity: 'error' },
    ]);
    expect(sorted.map((m) => m.message)).toEqual(['a', 'b', 'c']);
  });

  it("lists a fault once when the schema and Berth's loader both report it at the same spot", () => {
    const schema = { line: 1, col: 54, message: 'Property comand is not allowed.', severity: 'warning' as const, source: 'schema' };
    const berth = { line: 1, col: 54, message: 'unknown key "comand" is not allowed (services.extra.comand)', severity: 'error' as const, source: 'berth' };
    const elsewhere = { line: 3, col: 5, message: 'Incorrect type.', severity: 'error' as const, source: 'schema' };
    expect(withoutDuplicates([schema, berth, elsewhere])).toEqual([berth, elsewhere]);
    expect(withoutDuplicates([schema])).toEqual([schema]);
  });
});
