import type { SortKey } from './filter';

export interface Column {
  id: string;
  label: string;
  width: string;
  sortKey?: SortKey;
}

export const columns: readonly Column[] = [
  { id: 'select', label: 'Select', width: '44px' },
  { id: 'name', label: 'Name', width: 'minmax(140px, 2fr)', sortKey: 'name' },
  { id: 'image', label: 'Image', width: 'minmax(130px, 2fr)', sortKey: 'image' },
  { id: 'state', label: 'State', width: '150px', sortKey: 'state' },
  { id: 'status', label: 'Status', width: 'minmax(110px, 1.5fr)' },
  { id: 'ports', label: 'Ports', width: 'minmax(110px, 1.3fr)' },
  { id: 'created', label: 'Created', width: '100px', sortKey: 'created' },
  { id: 'project', label: 'Project', width: 'minmax(80px, 1fr)', sortKey: 'project' },
  { id: 'actions', label: 'Actions', width: '200px' },
];

/** One CSS grid template shared by the header and every row, so columns line up without a <table>. */
export const gridTemplate = columns.map((c) => c.width).join(' ');
export const ROW_HEIGHT = 48;
/** Sum of the columns' minimum widths: below it the grid scrolls sideways instead of squeezing. */
export const TABLE_MIN_WIDTH = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
