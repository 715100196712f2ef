import { describe, expect, it } from 'vitest';
import { toContainerRow } from '../../stores/selectors';
import { container } from '../../test/fixtures';
import { filterRows, relativeTime, sortRows } from './filter';

const rows = [
  toContainerRow(container('web', { composeProject: 'shop', created: 300 })),
  toContainerRow(container('db', { image: 'postgres:16', state: 'exited', created: 100 })),
  toContainerRow(container('Cache2', { image: 'redis', created: 200 })),
  toContainerRow(container('cache10', { image: 'redis', created: 200 })),
];

describe('container filter and sort', () => {
  it('matches name, image or project, and the state', () => {
    expect(filterRows(rows, { query: 'SHOP', state: 'all' }).map((r) => r.name)).toEqual(['web']);
    expect(filterRows(rows, { query: 'postgres', state: 'all' }).map((r) => r.name)).toEqual(['db']);
    expect(filterRows(rows, { query: '', state: 'exited' }).map((r) => r.name)).toEqual(['db']);
    expect(filterRows(rows, { query: 'redis', state: 'exited' })).toEqual([]);
  });

  it('sorts naturally, case-insensitively, with the name breaking ties', () => {
    expect(sortRows(rows, { key: 'name', direction: 'asc' }).map((r) => r.name)).toEqual(['Cache2', 'cache10', 'db', 'web']);
    expect(sortRows(rows, { key: 'created', direction: 'desc' }).map((r) => r.name)).toEqual(['web', 'Cache2', 'cache10', 'db']);
  });

  it('formats relative times', () => {
    const now = Date.UTC(2025, 0, 10);
    expect(relativeTime(now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(relativeTime(now - 24 * 3600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 5_000, now)).toBe('just now');
  });
});
