import { useCallback, useState } from 'react';
import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  CircularProgress,
  IconButton,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Tooltip,
  Typography,
} from '@mui/material';
import FolderIcon from '@mui/icons-material/Folder';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import LinkIcon from '@mui/icons-material/Link';
import DownloadIcon from '@mui/icons-material/Download';
import RefreshIcon from '@mui/icons-material/Refresh';
import type { BerthErrorData, VolumeFileEntry } from '../../api/contract';
import { downloadTicket } from '../../api/transfers';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { formatBytes } from '../system/format';
import { useCall } from '../system/useCall';

const iconOf = (e: VolumeFileEntry) => (e.type === 'directory' ? <FolderIcon fontSize="small" /> : e.type === 'symlink' ? <LinkIcon fontSize="small" /> : <InsertDriveFileIcon fontSize="small" />);

/**
 * Browses a volume folder by folder, read-only (the backend reads through a never-started helper container),
 * with breadcrumbs and downloads of single files or whole folders (.tar.gz).
 */
export function FileBrowser({ volume }: { volume: string }) {
  const client = useBerth((s) => s.client);
  const [path, setPath] = useState('');
  const { value: listing, error: listError, loading, reload } = useCall(client, 'volumes.files.list', { name: volume, path });
  const [downloadError, setError] = useState<BerthErrorData | null>(null);
  const error = listError ?? downloadError;

  const download = useCallback(
    async (target: string) => {
      const r = await client.call('volumes.files.download', { name: volume, path: target });
      setError(r.ok ? null : r.error);
      if (r.ok) downloadTicket(client, r.value);
    },
    [client, volume],
  );

  const parts = path ? path.split('/') : [];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Breadcrumbs aria-label="Folder" sx={{ flex: 1, minWidth: 0 }}>
          {path ? (
            <Link component="button" type="button" onClick={() => setPath('')}>
              {volume}
            </Link>
          ) : (
            <Typography color="text.primary">{volume}</Typography>
          )}
          {parts.map((part, i) =>
            i === parts.length - 1 ? (
              <Typography key={i} color="text.primary">
                {part}
              </Typography>
            ) : (
              <Link key={i} component="button" type="button" onClick={() => setPath(parts.slice(0, i + 1).join('/'))}>
                {part}
              </Link>
            ),
          )}
        </Breadcrumbs>
        <Tooltip title="Refresh">
          <IconButton size="small" aria-label="Refresh files" onClick={reload}>
            <RefreshIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download(path)}>
          Download folder
        </Button>
      </Box>
      {error && (
        <Alert severity="error">
          {error.message}
          <ErrorDetails details={error.details} />
        </Alert>
      )}
      {loading ? (
        <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 1 }}>
          <CircularProgress size={16} /> Reading {path || 'the volume'}…
        </Box>
      ) : (
        listing && (
          <>
            {listing.entries.length === 0 && <Typography color="text.secondary">This folder is empty.</Typography>}
            <List dense aria-label={`Files in ${path || volume}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 360, overflow: 'auto' }}>
              {listing.entries.map((e) => (
                <ListItem
                  key={e.name}
                  disablePadding
                  secondaryAction={
                    <IconButton edge="end" size="small" aria-label={`Download ${e.name}`} onClick={() => void download(e.path)}>
                      <DownloadIcon fontSize="small" />
                    </IconButton>
                  }
                >
                  <ListItemButton onClick={() => e.type === 'directory' && setPath(e.path)} disabled={false} aria-label={e.type === 'directory' ? `Open folder ${e.name}` : e.name}>
                    <ListItemIcon sx={{ minWidth: 32 }}>{iconOf(e)}</ListItemIcon>
                    <ListItemText
                      primary={e.name}
                      secondary={`${formatBytes(e.size)} · ${new Date(e.modified).toLocaleString()}${e.linkTarget ? ` · → ${e.linkTarget}` : ''}`}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
            {listing.truncated && <Typography variant="body2">Only the first {listing.entries.length} entries are shown.</Typography>}
          </>
        )
      )}
    </Box>
  );
}
