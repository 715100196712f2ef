import { Box, Chip, IconButton, Link, Tooltip, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { ComposeProjectSummary } from '../../api/contract';
import { useMayCall } from '../../components/access';
import { actionSlots, sourceOf, type ComposeActionDef } from './actions';
import { ProjectTaskBadge, useProjectTask } from './ProjectTask';
import { projectHref } from './route';
import { containersText, projectStatusTone, shortFolder } from './view';

export const PROJECT_ROW_HEIGHT = 48;
export const projectGrid = 'minmax(160px, 1.2fr) 110px 80px 130px minmax(160px, 1.5fr) 100px 200px';

interface Props {
  project: ComposeProjectSummary;
  onAction: (project: ComposeProjectSummary, action: ComposeActionDef) => void;
}

/** One compose project: name (opens the project), status, counts, folder, origin, task progress, actions. */
export function ProjectRow({ project, onAction }: Props) {
  const task = useProjectTask(project.name);
  // While a task of this project runs, its actions wait (a second up or down would race the first).
  const busy = task?.state === 'running';
  const source = sourceOf(project);
  const may = useMayCall();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: projectGrid, alignItems: 'center', height: PROJECT_ROW_HEIGHT, '& > [role=gridcell]': { px: 1, minWidth: 0 } }}>
      <Box role="gridcell" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <Link href={projectHref(project.name)} underline="hover" noWrap sx={{ fontWeight: 500 }} tabIndex={-1}>
          {project.name}
        </Link>
        {project.origin === 'cli' && (
          <Tooltip title={`Started by the compose CLI${project.createdBy ? ` (${project.createdBy})` : ''}`}>
            <Chip size="small" variant="outlined" label="CLI" />
          </Tooltip>
        )}
      </Box>
      <Box role="gridcell">
        <Chip size="small" color={projectStatusTone[project.status]} label={project.status} />
      </Box>
      <Typography role="gridcell" variant="body2">
        {project.services} {project.services === 1 ? 'service' : 'services'}
      </Typography>
      <Typography role="gridcell" variant="body2">
        {containersText(project)}
      </Typography>
      <Typography role="gridcell" variant="body2" color="text.secondary" noWrap title={project.workingDir}>
        {shortFolder(project.workingDir)}
      </Typography>
      <Box role="gridcell">
        <ProjectTaskBadge task={task} />
      </Box>
      <Box role="gridcell" sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        {actionSlots(project, source, may).map(({ action: a, available }) => {
          const Icon = a.icon;
          return (
            <Tooltip key={a.id} title={a.hint}>
              <span>
                <IconButton size="small" aria-label={`${a.label} ${project.name}`} disabled={busy || !available} onClick={() => onAction(project, a)}>
                  <Icon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          );
        })}
        <Tooltip title="Open the project">
          <IconButton size="small" aria-label={`Open ${project.name}`} href={projectHref(project.name)}>
            <OpenInNewIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}
