import { Alert, Box, Drawer, IconButton, Link, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { formatBytes, formatTime, type SwarmDataSummary } from '../../../api/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { Fact } from '../../../components/Fact';
import { useCall } from '../../../components/useCall';
import { useBerth } from '../../../stores/context';
import { swarmHref } from '../tabs';
import type { DataKind } from './kinds';
import { labelText } from './view';

/** A secret's or config's metadata and the services that use it; for a config also its content, read-only. */
export function DataDrawer({ kind, item, onClose }: { kind: DataKind; item: SwarmDataSummary; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const content = useCall(client, 'configs.inspect', { id: item.id }, kind.kind === 'config');
  return (
    <Drawer anchor="right" open onClose={onClose} slotProps={{ paper: { sx: { width: 'min(640px, 94vw)' } } }}>
      <Box role="region" aria-label={`${kind.title.slice(0, -1)} ${item.name}`} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1, wordBreak: 'break-all' }}>
            {item.name}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          <Fact label="ID">{item.id}</Fact>
          <Fact label="Created">{formatTime(item.createdAt)}</Fact>
          <Fact label="Updated">{formatTime(item.updatedAt)}</Fact>
          <Fact label="Version">{item.version}</Fact>
          {item.driver && <Fact label="Driver">{item.driver}</Fact>}
          <Fact label="Labels">{labelText(item) || 'none'}</Fact>
          <Fact label="Used by">
            {item.usedBy.length === 0
              ? 'no service'
              : item.usedBy.map((u, i) => (
                  <span key={u.id}>
                    {i > 0 && ', '}
                    <Link href={`${swarmHref('services')}/${encodeURIComponent(u.id)}`}>{u.name}</Link>
                  </span>
                ))}
          </Fact>
        </Box>
        <Typography variant="body2" color="text.secondary">
          {kind.mountHint}
        </Typography>
        {kind.kind === 'config' &&
          (content.error ? (
            <Alert severity="error">
              Could not read the config: {content.error.message}
              <ErrorDetails details={content.error.details} />
            </Alert>
          ) : !content.value ? (
            <Typography role="status">Reading the config…</Typography>
          ) : content.value.text !== undefined ? (
            <Box
              component="pre"
              aria-label={`Content of ${item.name}`}
              tabIndex={0}
              sx={{ m: 0, p: 1, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'auto', maxHeight: '60vh', fontSize: 13 }}
            >
              {content.value.text}
            </Box>
          ) : (
            <Alert severity="info">Binary content ({formatBytes(content.value.size)}): not shown as text.</Alert>
          ))}
      </Box>
    </Drawer>
  );
}
