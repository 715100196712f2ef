import { describe, expect, it } from 'vitest';
import { toContainerRow } from '../../stores/selectors';
import { container } from '../../testing/fixtures';
import { groupByProject } from './grouping';
import { emptySelection, keepListed, selectAll, setMany, toggleSelection } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selection', () => {
  it('toggles one row and extends a range with shift from the anchor, in the order shown', () => {
    let s = toggleSelection(emptySelection, 'b', order, false);
    expect(ids(s)).toEqual(['b']);
    s = toggleSelection(s, 'd', order, true);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    expect(s.anchor).toBe('b');
    s = toggleSelection(s, 'a', order, true);
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd']);
    s = toggleSelection(s, 'c', order, false);
    expect(ids(s)).toEqual(['a', 'b', 'd']);
    expect(s.anchor).toBe('c');
  });

  it('selects all, sets groups, and forgets rows that are no longer listed', () => {
    expect(ids(selectAll(order))).toEqual(order);
    const s = setMany(selectAll(['a', 'b']), ['b', 'c'], false);
    expect(ids(s)).toEqual(['a']);
    const kept = keepListed(selectAll(order), new Set(['a', 'e']));
    expect(ids(kept)).toEqual(['a', 'e']);
    const same = selectAll(['a']);
    expect(keepListed(same, new Set(['a', 'b']))).toBe(same);
  });
});

describe('groupByProject', () => {
  const rows = [
    toContainerRow(container('web', { composeProject: 'shop' })),
    toContainerRow(container('lone', {})),
    toContainerRow(container('db', { composeProject: 'shop', state: 'exited' })),
    toContainerRow(container('api', { composeProject: 'blog' })),
  ];

  it('puts a header with counts before each project, projects by name, loose containers last', () => {
    const items = groupByProject(rows, new Set());
    expect(
      items.map((i) => (i.kind === 'group' ? `# ${i.label} ${i.ids.length}/${i.running}` : i.row.name)),
    ).toEqual(['# blog 1/1', 'api', '# shop 2/1', 'web', 'db', '# Not in a compose project 1/1', 'lone']);
  });

  it('hides the rows of a collapsed group but keeps its header', () => {
    const items = groupByProject(rows, new Set(['shop']));
    expect(items.map((i) => (i.kind === 'group' ? `# ${i.project}` : i.row.name))).toEqual([
      '# blog',
      'api',
      '# shop',
      '# ',
      'lone',
    ]);
    expect(items[2]).toMatchObject({ kind: 'group', collapsed: true, ids: ['web-id', 'db-id'] });
  });
});
