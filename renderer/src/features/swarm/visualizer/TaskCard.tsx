import { memo, useEffect, useRef } from 'react';
import { Box, ButtonBase, Typography } from '@mui/material';
import type { SwarmTask, SwarmTaskState } from '../../../api/contract';
import { isEnded, isFailed, serviceColor, taskName, type CardView, type Flash } from './model';

export const CARD_HEIGHT = 60;
export const DENSE_HEIGHT = 24;
/** How long a change stays highlighted. */
export const FLASH_MS = 1200;

const stateColor = (state: SwarmTaskState): string =>
  state === 'running'
    ? 'success.main'
    : isFailed(state)
      ? 'error.main'
      : state === 'complete' || state === 'shutdown' || state === 'remove'
        ? 'text.disabled'
        : 'warning.main';

/** Plays the highlight once, or the rest of it when the card mounts in the middle (scrolled into view). */
function useFlash(flash: Flash | undefined) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!flash || !el || typeof el.animate !== 'function') return;
    const elapsed = Date.now() - flash.at;
    if (elapsed >= FLASH_MS) return;
    const glow = flash.kind === 'new' ? 'rgba(33,150,243,0.55)' : 'rgba(255,193,7,0.65)';
    const animation = el.animate(
      [{ boxShadow: `0 0 0 3px ${glow}` }, { boxShadow: '0 0 0 0 rgba(0,0,0,0)' }],
      { duration: FLASH_MS, delay: -elapsed, easing: 'ease-out' },
    );
    return () => animation.cancel();
  }, [flash]);
  return ref;
}

export const describeTask = (t: SwarmTask, movedFrom?: string): string =>
  `${taskName(t)}: ${t.state}${t.desiredState !== t.state && t.desiredState !== 'running' ? ` (desired ${t.desiredState})` : ''}` +
  `${movedFrom ? `, moved from ${movedFrom}` : ''}${t.error ? `, ${t.error}` : ''}`;

interface Props {
  view: CardView;
  dense: boolean;
  onOpen: (task: SwarmTask) => void;
}

/** One task: coloured by its service, its state, where it moved from; a click opens its logs. */
export const TaskCard = memo(function TaskCard({ view, dense, onOpen }: Props) {
  const { task, movedFrom, flash } = view;
  const ref = useFlash(flash);
  const color = serviceColor(task.serviceName);
  const ended = isEnded(task.state);
  return (
    <ButtonBase
      ref={ref}
      onClick={() => onOpen(task)}
      aria-label={describeTask(task, movedFrom)}
      title={describeTask(task, movedFrom)}
      sx={{
        width: '100%',
        height: (dense ? DENSE_HEIGHT : CARD_HEIGHT) - 4,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'stretch',
        justifyContent: 'center',
        textAlign: 'left',
        px: 1,
        borderRadius: 1,
        borderLeft: `5px solid ${color}`,
        bgcolor: 'background.paper',
        boxShadow: 1,
        opacity: ended ? 0.55 : 1,
        overflow: 'hidden',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 }}>
        <Box
          component="span"
          aria-hidden
          sx={{ width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: stateColor(task.state) }}
        />
        <Typography variant="body2" noWrap sx={{ fontWeight: 600, flex: 1, fontSize: dense ? 12 : undefined }}>
          {taskName(task)}
        </Typography>
        <Typography variant="caption" noWrap color="text.secondary">
          {task.state}
        </Typography>
      </Box>
      {!dense && (
        <Typography variant="caption" noWrap color={task.error ? 'error' : 'text.secondary'}>
          {task.error ?? (movedFrom ? `moved from ${movedFrom}` : (task.image ?? task.message ?? ''))}
        </Typography>
      )}
    </ButtonBase>
  );
});
