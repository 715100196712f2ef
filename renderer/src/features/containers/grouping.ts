import type { ContainerRow } from '../../stores/selectors';

export interface GroupItem {
  kind: 'group';
  /** '' for containers outside any compose project. */
  project: string;
  label: string;
  ids: string[];
  running: number;
  collapsed: boolean;
}
export interface RowItem {
  kind: 'row';
  row: ContainerRow;
}
export type ListItem = GroupItem | RowItem;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const asItems = (rows: ContainerRow[]): ListItem[] => rows.map((row) => ({ kind: 'row', row }));

/**
 * Rows (already filtered and sorted) grouped by compose project: one header per project, projects by name,
 * containers outside any project last. A collapsed group keeps its header (with counts) and hides its rows.
 */
export function groupByProject(rows: ContainerRow[], collapsed: ReadonlySet<string>): ListItem[] {
  const groups = new Map<string, ContainerRow[]>();
  for (const row of rows) {
    const list = groups.get(row.project);
    if (list) list.push(row);
    else groups.set(row.project, [row]);
  }
  const projects = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const items: ListItem[] = [];
  for (const project of projects) {
    const members = groups.get(project) ?? [];
    const isCollapsed = collapsed.has(project);
    items.push({
      kind: 'group',
      project,
      label: project || 'Not in a compose project',
      ids: members.map((r) => r.id),
      running: members.filter((r) => r.state === 'running').length,
      collapsed: isCollapsed,
    });
    if (!isCollapsed) for (const row of members) items.push({ kind: 'row', row });
  }
  return items;
}
