import { useRef, useState, type KeyboardEvent } from 'react';
import { Box, ButtonBase } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComposeProjectSummary } from '../../api/contract';
import { ariaSort } from '../../components/grid/GridHeader';
import type { Sort } from '../../components/grid/sort';
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

const HEADER_HEIGHT = 36;
const headers: { label: string; sortKey?: ProjectSortKey }[] = [
  { label: 'Project', sortKey: 'name' },
  { label: 'Status', sortKey: 'status' },
  { label: 'Services' },
  { label: 'Containers', sortKey: 'containers' },
  { label: 'Folder', sortKey: 'folder' },
  { label: 'Task' },
  { label: 'Actions' },
];

/**
 * The compose projects, virtualized (only rows in view are in the DOM). Arrow keys, Home/End move between
 * rows; Enter opens the focused project.
 */
export function ProjectList({ projects, sort, onSort, onAction }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: projects.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PROJECT_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => projects[i]?.name ?? i,
  });
  const index = Math.min(focused, Math.max(projects.length - 1, 0));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'row') return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: projects.length - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      const next = Math.max(0, Math.min(projects.length - 1, target));
      setFocused(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    } else if (e.key === 'Enter') {
      const project = projects[index];
      if (project) navigate(projectHref(project.name));
    }
  };

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label="Compose projects"
      aria-rowcount={projects.length + 1}
      onKeyDown={onKeyDown}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider' }}
    >
      <Box
        role="row"
        aria-rowindex={1}
        sx={{
          display: 'grid',
          gridTemplateColumns: projectGrid,
          gap: 1,
          px: 1,
          height: HEADER_HEIGHT,
          alignItems: 'center',
          position: 'sticky',
          top: 0,
          zIndex: 1,
          bgcolor: 'background.paper',
          borderBottom: 1,
          borderColor: 'divider',
          minWidth: 900,
        }}
      >
        {headers.map((h) => (
          <Box
            key={h.label}
            role="columnheader"
            aria-sort={ariaSort(sort, h.sortKey)}
            sx={{ typography: 'subtitle2', textAlign: h.label === 'Actions' ? 'right' : 'left' }}
          >
            {h.sortKey ? (
              <ButtonBase onClick={() => h.sortKey && onSort(h.sortKey)} sx={{ typography: 'subtitle2', gap: 0.5 }}>
                {h.label}
                {sort.key === h.sortKey &&
                  (sort.direction === 'asc' ? <ArrowUpwardIcon sx={{ fontSize: 14 }} /> : <ArrowDownwardIcon sx={{ fontSize: 14 }} />)}
              </ButtonBase>
            ) : (
              h.label
            )}
          </Box>
        ))}
      </Box>
      <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 900 }}>
        {virtualizer.getVirtualItems().map((item) => {
          const project = projects[item.index];
          if (!project) return null;
          return (
            <Box
              key={item.key}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              aria-label={project.name}
              tabIndex={item.index === index ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocused(item.index)}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: PROJECT_ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                borderBottom: 1,
                borderColor: 'divider',
                '&:hover': { bgcolor: 'action.hover' },
                '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
              }}
            >
              <ProjectRow project={project} onAction={onAction} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
