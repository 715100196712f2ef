import { useState } from 'react';
import { Box, Button, Popover } from '@mui/material';
import { useNow } from '../components/useNow';
import { useBerth } from '../stores/context';
import { retryText, summarizeEngine, type EngineTone } from '../stores/selectors';
import { EngineStatusDetails } from './EngineStatusDetails';

const dotColor: Record<EngineTone, string> = {
  success: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
  info: 'info.main',
};

/** Always-visible engine status in the app bar; opens the details on click. */
export function EngineStatusIndicator() {
  const status = useBerth((s) => s.engineStatus);
  const transport = useBerth((s) => s.transport);
  const summary = summarizeEngine(status, transport);
  const now = useNow(1000, summary.nextAttemptAt !== undefined);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const retry = retryText(summary.nextAttemptAt, now);
  const text = retry ? `${summary.label}, ${retry}` : summary.label;

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={`Engine status: ${text}`}
        aria-haspopup="dialog"
        sx={{ gap: 1, maxWidth: 420 }}
      >
        <Box
          component="span"
          aria-hidden
          sx={{ width: 10, height: 10, borderRadius: '50%', flexShrink: 0, bgcolor: dotColor[summary.tone] }}
        />
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {text}
        </Box>
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Engine details' } }}
      >
        <EngineStatusDetails status={status} transport={transport} summary={summary} retry={retry} />
      </Popover>
    </>
  );
}
