import { useState } from 'react';
import { Box, Button, Chip, CircularProgress, Link, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { hrefFor } from '../../app/useHashRoute';
import { useBerth } from '../../stores/context';
import { toContainerRow, type StateTone } from '../../stores/selectors';
import type { ContainerDetails, ContainerSummary } from '../../api/contract';
import { availableActions, type ActionOptions, type ContainerActionDef } from '../containers/actions';
import { ConfirmActionDialog } from '../containers/ConfirmActionDialog';
import { useMayCall } from '../../components/access';

type Confirmable = ContainerActionDef & { confirm: NonNullable<ContainerActionDef['confirm']> };

const tones: Record<string, StateTone> = { running: 'success', paused: 'warning', restarting: 'info', dead: 'error' };

/** Name, state, image and the container actions (the same definitions as the list's rows). */
export function DetailsHeader({ details, summary }: { details: ContainerDetails; summary?: ContainerSummary }) {
  const may = useMayCall();
  const runAction = useBerth((s) => s.containers.runAction);
  const pending = useBerth((s) => s.containers.pending[details.id]);
  const failure = useBerth((s) => s.containers.errors[details.id]);
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const state = summary?.state ?? details.state;
  const tone = tones[state] ?? 'default';

  const run = (action: ContainerActionDef, options: ActionOptions = { force: false, volumes: false }) => {
    void runAction(details.id, action.id, (client) => action.invoke(client, details.id, options)).then((ok) => {
      if (ok && action.id === 'remove') window.location.hash = hrefFor('containers');
    });
  };

  return (
    <Box sx={{ px: 2, pt: 1.5, pb: 1 }}>
      <Link href={hrefFor('containers')} underline="hover" variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
        <ArrowBackIcon fontSize="inherit" /> Containers
      </Link>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mt: 0.5 }}>
        <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-all' }}>
          {details.name}
        </Typography>
        <Chip label={state} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} size="small" />
        {details.health !== 'none' && (
          <Chip label={details.health} size="small" variant="outlined" color={details.health === 'healthy' ? 'success' : details.health === 'unhealthy' ? 'error' : 'info'} />
        )}
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 160 }} title={details.imageId}>
          {details.image}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          {pending && <CircularProgress size={16} aria-label="Action in progress" />}
          {availableActions(state).filter((a) => may(a.method)).map((action) => {
            const Icon = action.icon;
            return (
              <Button
                key={action.id}
                size="small"
                variant="outlined"
                color={action.id === 'remove' ? 'error' : 'primary'}
                startIcon={<Icon fontSize="small" />}
                disabled={pending !== undefined}
                onClick={() => (action.confirm ? setConfirming({ ...action, confirm: action.confirm }) : run(action))}
              >
                {action.label}
              </Button>
            );
          })}
        </Box>
      </Box>
      {failure && (
        <Typography role="alert" color="error" variant="body2" sx={{ mt: 0.5 }}>
          {failure.action} failed: {failure.error.message}
        </Typography>
      )}
      {confirming && (
        <ConfirmActionDialog
          row={toContainerRow(summary ?? fromDetails(details))}
          action={confirming}
          onCancel={() => setConfirming(null)}
          onConfirm={(options) => {
            setConfirming(null);
            run(confirming, options);
          }}
        />
      )}
    </Box>
  );
}

/** A list row's data from inspect, for when the live list has not caught up with this container yet. */
function fromDetails(d: ContainerDetails): ContainerSummary {
  return {
    id: d.id,
    name: d.name,
    image: d.image,
    imageId: d.imageId,
    command: [...d.entrypoint, ...d.command].join(' '),
    state: d.state,
    status: d.statusText,
    created: Math.floor(Date.parse(d.created) / 1000),
    ports: d.ports,
    labels: d.labels,
  };
}
