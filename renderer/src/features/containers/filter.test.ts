import { describe, expect, it } from 'vitest';
import { toContainerRow } from '../../stores/selectors';
import { container } from '../../testing/fixtures';
import { filterFromHash, filterRows, hashWithFilter, NO_PROJECT, sortRows } from './filter';

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
    expect(sortRows(rows, { key: 'name', direction: 'asc' }).map((r) => r.name)).toEqual([
      'Cache2',
      'cache10',
      'db',
      'web',
    ]);
    expect(sortRows(rows, { key: 'created', direction: 'desc' }).map((r) => r.name)).toEqual([
      'web',
      'Cache2',
      'cache10',
      'db',
    ]);
  });
});

describe('richer filters and the hash query', () => {
  const labels: Record<string, Record<string, string>> = {
    'web-id': { tier: 'front', team: 'a' },
    'db-id': { tier: 'back' },
  };
  const labelsOf = (id: string) => labels[id];

  it('filters by image, compose project (or none) and label key or key=value', () => {
    const names = (f: Partial<Parameters<typeof filterRows>[1]>) =>
      filterRows(rows, { query: '', state: 'all', ...f }, labelsOf).map((r) => r.name);
    expect(names({ image: 'redis' })).toEqual(['Cache2', 'cache10']);
    expect(names({ project: 'shop' })).toEqual(['web']);
    expect(names({ project: NO_PROJECT })).toEqual(['db', 'Cache2', 'cache10']);
    expect(names({ label: 'tier' })).toEqual(['web', 'db']);
    expect(names({ label: 'tier=back' })).toEqual(['db']);
    expect(names({ label: 'tier=' })).toEqual([]);
    expect(names({ label: 'team', image: 'nginx:alpine' })).toEqual(['web']);
  });

  it('keeps the filter in the hash query and reads it back', () => {
    const filter = {
      query: 'a b',
      state: 'running' as const,
      image: 'redis',
      label: 'tier=front',
      project: '',
    };
    const hash = hashWithFilter('#/containers', filter, true);
    expect(hash).toBe('#/containers/?q=a+b&state=running&image=redis&label=tier%3Dfront&group=1');
    expect(filterFromHash(hash)).toEqual({ filter, grouped: true });
    expect(hashWithFilter(hash, { query: '', state: 'all' }, false)).toBe('#/containers');
    expect(filterFromHash('#/containers/?state=bogus').filter.state).toBe('all');
  });
});
