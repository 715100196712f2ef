import { describe, expect, it } from 'vitest';
import { emptyFilters, filterProblem, toFilter } from './filters';

describe('activity filters', () => {
  it('leaves empty fields out and maps the result choice to ok', () => {
    expect(toFilter(emptyFilters)).toEqual({});
    expect(toFilter({ ...emptyFilters, user: ' bob ', methodPrefix: 'volumes.', result: 'failed' })).toEqual({ user: 'bob', methodPrefix: 'volumes.', ok: false });
    expect(toFilter({ ...emptyFilters, result: 'ok' })).toEqual({ ok: true });
  });

  it('a "to" minute includes the whole minute, in local time', () => {
    const f = toFilter({ ...emptyFilters, from: '2026-12-07T10:00', to: '2026-12-07T10:00' });
    expect(f.from).toBe(new Date('2026-12-07T10:00').getTime());
    expect(f.to).toBe(new Date('2026-12-07T10:00').getTime() + 59_999);
  });

  it('refuses a prefix the contract would refuse and a reversed range, on the field', () => {
    expect(filterProblem({ ...emptyFilters, methodPrefix: 'vol%' })?.field).toBe('methodPrefix');
    expect(filterProblem({ ...emptyFilters, from: '2026-12-07T11:00', to: '2026-12-07T10:00' })).toEqual({ field: 'from', message: 'The start is after the end' });
    expect(filterProblem({ ...emptyFilters, methodPrefix: 'containers.', from: '2026-12-07T10:00', to: '2026-12-07T10:00' })).toBeNull();
  });
});
