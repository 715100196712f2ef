import { Box, Chip, Drawer, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatTime, type AuditLogEntry } from '../../api/contract';
import { Fact } from '../../components/Fact';
import { who } from './columns';

/** One audit entry: who, when, how, the result and the parameters as stored (secrets were redacted before). */
export function ActivityDrawer({ entry, onClose }: { entry: AuditLogEntry; onClose: () => void }) {
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { sx: { width: 560, maxWidth: '100vw' }, role: 'dialog', 'aria-label': `Activity ${entry.method}` } }}
    >
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1, fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {entry.method}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          <Fact label="When">{formatTime(entry.at)}</Fact>
          <Fact label="Who">{who(entry)}</Fact>
          <Fact label="Role">{entry.role}</Fact>
          {entry.client && <Fact label="Client">{entry.client}</Fact>}
          <Fact label="Through">{{ ipc: 'desktop app', web: 'web mode', cli: 'berth CLI' }[entry.via]}</Fact>
          <Fact label="Result">
            {entry.ok ? <Chip size="small" color="success" variant="outlined" label="OK" /> : <Chip size="small" color="error" variant="outlined" label={`Failed${entry.errorCode ? `: ${entry.errorCode}` : ''}`} />}
          </Fact>
          <Fact label="Entry">#{entry.id}</Fact>
        </Box>
        <Box>
          <Typography variant="subtitle2" component="h3">
            Parameters
          </Typography>
          <Typography variant="caption" color="text.secondary">
            As the call was validated; secret values (env values, passwords, .env contents, build args) were redacted before they were stored.
          </Typography>
          <Box
            component="pre"
            aria-label="Parameters"
            sx={{ m: 0, mt: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', fontSize: 12, maxHeight: '60vh' }}
          >
            {JSON.stringify(entry.params, null, 2)}
          </Box>
        </Box>
      </Box>
    </Drawer>
  );
}
