import { useState } from 'react';
import { Box, Button, ButtonBase, LinearProgress, Popover, TextField, Typography } from '@mui/material';
import type { SwarmServiceSummary } from '../../../api/contract';
import { useMay } from '../../../components/access';
import { useGridRow } from '../../../components/grid/GridContext';
import { useBerth } from '../../../stores/context';
import { scalable } from './view';

/** Running of desired tasks as a bar: green when all run, amber while some are missing. */
export function TaskProgress({ service }: { service: SwarmServiceSummary }) {
  const { running, desired } = service;
  const value = desired === 0 ? 100 : Math.min(100, (running / desired) * 100);
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2">
        {running}/{desired}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        color={running >= desired ? 'success' : 'warning'}
        aria-label={`${running} of ${desired} tasks running`}
      />
    </Box>
  );
}

/** A number field that scales a replicated service (services.scale); Enter applies. */
export function ScaleField({ service, onDone }: { service: SwarmServiceSummary; onDone?: () => void }) {
  const runAction = useBerth((s) => s.swarmServices.runAction);
  const pending = useBerth((s) => s.swarmServices.pending[service.id]);
  const [value, setValue] = useState(String(service.replicas ?? service.desired));
  const n = Number(value);
  const problem = !/^\d+$/.test(value.trim()) || n > 10_000 ? 'A whole number, 0 to 10000' : undefined;
  const apply = async () => {
    if (problem) return;
    const ok = await runAction(service.id, 'scale', (c) =>
      c.call('services.scale', { id: service.id, replicas: n }),
    );
    if (ok) onDone?.();
  };
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <TextField
        size="small"
        label="Replicas"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={!!problem}
        helperText={problem}
        autoFocus
        sx={{ width: 110 }}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Replicas of ${service.name}` } }}
      />
      <Button
        type="submit"
        variant="contained"
        disabled={!!problem || pending !== undefined || n === service.replicas}
      >
        Scale
      </Button>
    </Box>
  );
}

/** The tasks cell: progress, and for a replicated service a button that opens the scale field in place. */
export function TasksCell({ service }: { service: SwarmServiceSummary }) {
  const { tabIndex } = useGridRow(service.id);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const mayScale = useMay('services.scale');
  if (!scalable(service) || !mayScale) return <TaskProgress service={service} />;
  return (
    <>
      <ButtonBase
        tabIndex={tabIndex}
        aria-label={`Scale ${service.name}`}
        title="Scale"
        onClick={(e) => {
          e.stopPropagation();
          setAnchor(e.currentTarget);
        }}
        onDoubleClick={(e) => e.stopPropagation()}
        sx={{ width: '100%', borderRadius: 1, p: 0.5, justifyContent: 'flex-start' }}
      >
        <TaskProgress service={service} />
      </ButtonBase>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Box sx={{ p: 1.5 }} onKeyDown={(e) => e.stopPropagation()}>
          <ScaleField service={service} onDone={() => setAnchor(null)} />
        </Box>
      </Popover>
    </>
  );
}
