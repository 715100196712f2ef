import { useState } from 'react';
import { Box, Breadcrumbs, Button, Chip, IconButton, Link, Tooltip, Typography } from '@mui/material';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import TuneIcon from '@mui/icons-material/Tune';
import { SaveProjectDialog } from '../templates/SaveProjectDialog';
import type { ComposeProjectSummary, ComposeSource } from '../../api/contract';
import { IfMay, useMayCall } from '../../components/access';
import { actionSlots, type ComposeActionDef } from './actions';
import { projectsHref } from './route';
import { containersText, projectStatusTone, shortFolder } from './view';

interface Props {
  name: string;
  summary: ComposeProjectSummary | undefined;
  source: ComposeSource | undefined;
  busy: boolean;
  onAction: (action: ComposeActionDef) => void;
  onUpWithOptions: () => void;
}

/** Name, status, where the files are, and the project's actions (rendered from the action definitions). */
export function ProjectHeader({ name, summary, source, busy, onAction, onUpWithOptions }: Props) {
  const [saving, setSaving] = useState(false);
  const may = useMayCall();
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Breadcrumbs aria-label="Location">
        <Link href={projectsHref} underline="hover" variant="body2">
          Compose
        </Link>
        <Typography variant="body2" color="text.primary">
          {name}
        </Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {name}
        </Typography>
        {summary && <Chip size="small" color={projectStatusTone[summary.status]} label={summary.status} />}
        {summary?.origin === 'cli' && (
          <Tooltip title={`Started by the compose CLI${summary.createdBy ? ` (${summary.createdBy})` : ''}`}>
            <Chip size="small" variant="outlined" label="CLI" />
          </Tooltip>
        )}
        {summary && (
          <Typography variant="body2" color="text.secondary">
            {containersText(summary)}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        {actionSlots(summary, source, may).map(({ action: a, available }) => {
          const Icon = a.icon;
          return (
            <Tooltip key={a.id} title={a.hint}>
              <span>
                <Button
                  size="small"
                  variant={a.id === 'up' ? 'contained' : 'outlined'}
                  color={a.id === 'down' ? 'error' : 'primary'}
                  startIcon={<Icon />}
                  disabled={busy || !available}
                  onClick={() => onAction(a)}
                >
                  {a.label}
                </Button>
              </span>
            </Tooltip>
          );
        })}
        {source && may('compose.up') && (
          <Tooltip title="Up with options (profiles, pull, recreate, wait for healthy)">
            <span>
              <IconButton size="small" aria-label="Up with options" disabled={busy} onClick={onUpWithOptions}>
                <TuneIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        )}
        <IfMay method="templates.fromProject">
          <Tooltip title={source ? 'Save the compose file as a template in your library' : 'Berth needs the project\'s files: open its folder first'}>
            <span>
              <IconButton size="small" aria-label="Save as template" disabled={!source} onClick={() => setSaving(true)}>
                <SaveAltIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </IfMay>
      </Box>
      {saving && <SaveProjectDialog project={name} onClose={() => setSaving(false)} />}
      {source && (
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }} title={source.workingDir}>
          {shortFolder(source.workingDir)}
        </Typography>
      )}
    </Box>
  );
}
