import { useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { plural, type ComposeProjectSummary } from '../../api/contract';
import { IfMay, useMay } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { nextSort, type Sort } from '../../components/grid/sort';
import { useSlashFocus } from '../../components/useSlashFocus';
import { useBerth } from '../../stores/context';
import { sourceOf, type ComposeActionDef } from './actions';
import { ConfirmDownDialog } from './ConfirmDownDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { ProjectList } from './ProjectList';
import { failureTitle, useComposeActions } from './useComposeActions';
import { filterProjects, sortProjects, type ProjectFilter, type ProjectSortKey } from './view';
import { SearchField } from '../../components/SearchField';

const statusOptions: ProjectFilter['status'][] = ['all', 'running', 'partial', 'stopped', 'exited'];
const noFilter: ProjectFilter = { query: '', status: 'all' };

/** Every compose project (Berth's and the CLI's), live, with actions and "Open project…". */
export function ProjectsPage() {
  const projects = useBerth((s) => s.composeProjects.items);
  const loaded = useBerth((s) => s.composeProjects.loaded);
  const engineUnreachable = useBerth((s) => s.engineStatus?.state === 'unreachable');
  const listError = useBerth((s) => (engineUnreachable ? null : s.composeProjects.error));
  const { run, failure, dismissFailure } = useComposeActions();
  const [filter, setFilter] = useState<ProjectFilter>(noFilter);
  const [sort, setSort] = useState<Sort<ProjectSortKey>>({ key: 'name', direction: 'asc' });
  const [opening, setOpening] = useState(false);
  const [downFor, setDownFor] = useState<ComposeProjectSummary | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const mayOpen = useMay('compose.projects.open');
  useSlashFocus(searchRef);

  const all = useMemo(() => Object.values(projects), [projects]);
  const visible = useMemo(() => sortProjects(filterProjects(all, filter), sort), [all, filter, sort]);

  const onAction = (project: ComposeProjectSummary, action: ComposeActionDef) => {
    if (action.confirms) setDownFor(project);
    else void run(project, action.id, { source: sourceOf(project) });
  };
  const onSort = (key: ProjectSortKey) => setSort((s) => nextSort(s, key));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Compose
        </Typography>
        <IfMay method="compose.projects.open">
          <Button variant="contained" startIcon={<FolderOpenIcon />} onClick={() => setOpening(true)}>
            Open project…
          </Button>
        </IfMay>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 2, pb: 1 }}>
        <SearchField label="Filter projects" placeholder="Filter by name or folder" value={filter.query} onChange={(v) => setFilter({ ...filter, query: v })} width={320} inputRef={searchRef} shortcut="/" />
        <TextField
          select
          size="small"
          label="Status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value as ProjectFilter['status'] })}
          sx={{ width: 150 }}
        >
          {statusOptions.map((s) => (
            <MenuItem key={s} value={s}>
              {s === 'all' ? 'All' : s}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary">
          {visible.length === all.length ? plural(all.length, 'project') : `${visible.length} of ${plural(all.length, 'project')}`}
        </Typography>
      </Box>
      {failure && (
        <Alert severity="error" onClose={dismissFailure} sx={{ mx: 2, mb: 1 }}>
          {failureTitle(failure)}: {failure.error.message}
          <ErrorDetails details={failure.error.details} />
        </Alert>
      )}
      {listError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
          Could not list compose projects: {listError.message}
          <ErrorDetails details={listError.details} />
        </Alert>
      )}
      {!loaded && engineUnreachable ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Compose projects appear here once the engine can be reached.
        </Typography>
      ) : !loaded && !listError ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }} role="status">
          <CircularProgress size={18} /> Loading compose projects…
        </Box>
      ) : loaded && all.length === 0 ? (
        <Box sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h6" gutterBottom>
            No compose projects yet
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {mayOpen
              ? 'Open a folder with a compose.yaml to see its services, edit its files and bring it up. '
              : 'An admin opens the folder of a compose project for Berth. '}
            Projects started with docker compose on this engine show up here too.
          </Typography>
          {mayOpen && (
            <Button variant="outlined" startIcon={<FolderOpenIcon />} onClick={() => setOpening(true)}>
              Open project…
            </Button>
          )}
        </Box>
      ) : loaded && visible.length === 0 ? (
        <Box sx={{ p: 2 }}>
          <Typography color="text.secondary">
            No project matches the filter.{' '}
            <Button size="small" onClick={() => setFilter(noFilter)}>
              Clear filter
            </Button>
          </Typography>
        </Box>
      ) : (
        loaded && <ProjectList projects={visible} sort={sort} onSort={onSort} onAction={onAction} />
      )}
      {opening && mayOpen && <OpenProjectDialog onClose={() => setOpening(false)} />}
      {downFor && (
        <ConfirmDownDialog
          project={downFor}
          onCancel={() => setDownFor(null)}
          onConfirm={(down) => {
            setDownFor(null);
            void run(downFor, 'down', { down });
          }}
        />
      )}
    </Box>
  );
}
