import type { ComposeProjectSummary } from '../../api/contract';
import { GridHeader } from '../../components/grid/GridHeader';
import type { Sort } from '../../components/grid/sort';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import type { ComposeActionDef } from './actions';
import { PROJECT_ROW_HEIGHT, ProjectRow, projectGrid } from './ProjectRow';
import { navigate, projectHref } from './route';
import type { ProjectSortKey } from './view';

interface Props {
  projects: ComposeProjectSummary[];
  sort: Sort<ProjectSortKey>;
  onSort: (key: ProjectSortKey) => void;
  onAction: (project: ComposeProjectSummary, action: ComposeActionDef) => void;
}

const MIN_WIDTH = 900;
const columns: { id: string; label: string; sortKey?: ProjectSortKey }[] = [
  { id: 'name', label: 'Project', sortKey: 'name' },
  { id: 'status', label: 'Status', sortKey: 'status' },
  { id: 'services', label: 'Services' },
  { id: 'containers', label: 'Containers', sortKey: 'containers' },
  { id: 'folder', label: 'Folder', sortKey: 'folder' },
  { id: 'task', label: 'Task' },
  { id: 'actions', label: 'Actions' },
];

/**
 * The compose projects on the one VirtualGrid (only rows in view are in the DOM): arrow keys, Home/End and
 * Page keys move between rows; Enter opens the focused project.
 */
export function ProjectList({ projects, sort, onSort, onAction }: Props) {
  return (
    <VirtualGrid
      label="Compose projects"
      rows={projects}
      rowKey={(p) => p.name}
      rowHeight={PROJECT_ROW_HEIGHT}
      minWidth={MIN_WIDTH}
      colCount={columns.length}
      header={<GridHeader columns={columns} template={projectGrid} minWidth={MIN_WIDTH} sort={sort} onSort={onSort} />}
      rowProps={(p) => ({ 'aria-label': p.name, onDoubleClick: () => navigate(projectHref(p.name)) })}
      renderRow={(p) => <ProjectRow project={p} onAction={onAction} />}
      onRowKey={(p, e) => {
        if (e.key !== 'Enter') return false;
        navigate(projectHref(p.name));
        return true;
      }}
    />
  );
}
