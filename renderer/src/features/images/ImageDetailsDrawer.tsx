import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  CircularProgress,
  Drawer,
  IconButton,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import {
  formatBytes,
  relativeTime,
  type BerthErrorData,
  type ImageDetails,
  type ImageHistoryEntry,
} from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useNow } from '../../components/useNow';
import { useBerth } from '../../stores/context';
import type { ImageRow } from './view';
import { ImageTrust } from '../security/trust/ImageTrust';
import { ImageSecurityPanel } from '../security/images/ImageSecurityPanel';
import { ImageSecurityBadge } from '../security/images/ImageSecurityBadge';

export type DetailsTab = 'history' | 'security' | 'inspect';

type Loaded<T> = { value: T } | { error: BerthErrorData } | undefined;

function useImageCall<T>(
  load: () => Promise<{ ok: true; value: T } | { ok: false; error: BerthErrorData }>,
  key: string,
): Loaded<T> {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: undefined });
  useEffect(() => {
    let live = true;
    void load().then(
      (r) => live && setState({ key, loaded: r.ok ? { value: r.value } : { error: r.error } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the image changes
  }, [key]);
  return state.key === key ? state.loaded : undefined;
}

function Pending<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => React.ReactNode }) {
  if (!loaded) {
    return (
      <Box sx={{ display: 'flex', gap: 1, p: 2 }} role="status">
        <CircularProgress size={18} /> Loading…
      </Box>
    );
  }
  if ('error' in loaded) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {loaded.error.message}
        <ErrorDetails details={loaded.error.details} />
      </Alert>
    );
  }
  return <>{children(loaded.value)}</>;
}

/**
 * An image's details: its names and users, the layers that make it (history), its security findings with the
 * deep scan, and the engine's raw inspect JSON.
 */
export function ImageDetailsDrawer({ row, onClose, tab: initialTab = 'history' }: { row: ImageRow; onClose: () => void; tab?: DetailsTab }) {
  const client = useBerth((s) => s.client);
  const [tab, setTab] = useState<DetailsTab>(initialTab);
  const history = useImageCall<ImageHistoryEntry[]>(
    () => client.call('images.history', { id: row.id }),
    row.id,
  );
  const inspect = useImageCall<ImageDetails>(() => client.call('images.inspect', { id: row.id }), row.id);
  const now = useNow(30_000);
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{
        paper: { sx: { width: 'min(760px, 90vw)' }, 'aria-labelledby': 'image-details-title' } as object,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', p: 2, pb: 0, gap: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id="image-details-title" variant="h6" component="h2" noWrap title={row.name}>
            {row.name === '<none>' ? `<none> ${row.shortId}` : row.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {row.shortId} · {formatBytes(row.size)} · created {relativeTime(row.created, now)} ·{' '}
            {row.containers.length ? `used by ${row.containers.join(', ')}` : row.usage}
          </Typography>
          {row.repoTags.length > 1 && (
            <Typography variant="body2" color="text.secondary">
              Also: {row.repoTags.slice(1).join(', ')}
            </Typography>
          )}
        </Box>
        <IconButton aria-label="Close details" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Box>
      <ImageTrust image={row.summary} />
      <Tabs value={tab} onChange={(_, t: DetailsTab) => setTab(t)} sx={{ px: 2 }}>
        <Tab value="history" label="History" />
        <Tab
          value="security"
          label={
            <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
              Security <ImageSecurityBadge id={row.id} />
            </Box>
          }
        />
        <Tab value="inspect" label="Inspect" />
      </Tabs>
      <Box sx={{ flex: 1, overflow: 'auto' }}>
        {tab === 'security' ? (
          <ImageSecurityPanel id={row.id} name={row.name === '<none>' ? `<none> ${row.shortId}` : row.name} />
        ) : tab === 'history' ? (
          <Pending loaded={history}>
            {(layers) => (
              <Table size="small" aria-label="Layers">
                <TableHead>
                  <TableRow>
                    <TableCell>Created by</TableCell>
                    <TableCell align="right">Size</TableCell>
                    <TableCell>Created</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {layers.map((l, i) => (
                    <TableRow key={`${l.id}-${i}`}>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                        {l.createdBy || l.comment || '—'}
                      </TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {formatBytes(l.size)}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {relativeTime(l.created * 1000, now)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Pending>
        ) : (
          <Pending loaded={inspect}>
            {(details) => (
              <Box
                component="pre"
                aria-label="Inspect JSON"
                sx={{ m: 0, p: 2, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                {JSON.stringify(details.raw, null, 2)}
              </Box>
            )}
          </Pending>
        )}
      </Box>
    </Drawer>
  );
}
