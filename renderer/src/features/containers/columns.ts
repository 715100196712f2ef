import { actionsWidth, COMPACT_ACTIONS } from '../../components/grid/grid';
import type { FitColumn } from '../../components/grid/layout';
import type { SortKey } from './filter';

export interface Column extends FitColumn {
  label: string;
  sortKey?: SortKey;
}

/**
 * The containers grid's columns; on a narrow window they yield by priority (created, project, status, ports
 * hide; the actions squeeze into their menu), so the name, state and actions always stay in view.
 */
export const columns: readonly Column[] = [
  { id: 'select', label: 'Select', width: '44px' },
  { id: 'name', label: 'Name', width: 'minmax(140px, 2fr)', sortKey: 'name' },
  { id: 'image', label: 'Image', width: 'minmax(130px, 2fr)', sortKey: 'image', priority: 1 },
  { id: 'state', label: 'State', width: '150px', sortKey: 'state' },
  { id: 'status', label: 'Status', width: 'minmax(110px, 1.5fr)', priority: 4 },
  // Finding count in the colour of the worst severity (features/security).
  { id: 'security', label: 'Security', width: '76px', priority: 4 },
  { id: 'ports', label: 'Ports', width: 'minmax(110px, 1.3fr)', priority: 3 },
  { id: 'created', label: 'Created', width: '100px', sortKey: 'created', priority: 6 },
  { id: 'project', label: 'Project', width: 'minmax(80px, 1fr)', sortKey: 'project', priority: 5 },
  // Four buttons at most (a running container: stop, restart, pause, remove) and the menu.
  {
    id: 'actions',
    label: 'Actions',
    width: actionsWidth(4),
    compactWidth: COMPACT_ACTIONS,
    priority: 2,
    required: true,
  },
];

export const ROW_HEIGHT = 48;
