import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Breadcrumbs, Button, CircularProgress, IconButton, LinearProgress, Link, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import RefreshIcon from '@mui/icons-material/Refresh';
import FolderIcon from '@mui/icons-material/Folder';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import LinkIcon from '@mui/icons-material/Link';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BerthErrorData, FileEntry, FileListing } from '../../api/contract';
import { downloadTicket, uploadFile } from '../../api/transfers';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { formatBytes } from './format';

const ROW = 32;
const grid = '1fr 100px 110px 170px 48px';

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
const crumbs = (path: string) => path.split('/').filter(Boolean).map((part, i, all) => ({ part, path: `/${all.slice(0, i + 1).join('/')}` }));
/** Where a link leads, resolved against its folder (relative targets are common: sh -> busybox). */
const linkTarget = (dir: string, target: string) => (target.startsWith('/') ? target : join(dir, target));

/** A file browser over the container's filesystem (the archive API: works when stopped too). */
export function FilesTab({ id }: { id: string }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [path, setPath] = useState('/');
  const [listing, setListing] = useState<FileListing | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [loadedKey, setLoadedKey] = useState('');
  const [upload, setUpload] = useState<{ name: string; fraction?: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void client.call('containers.files.list', { id, path }).then((r) => {
      if (!live) return;
      setLoadedKey(`${path}#${attempt}`);
      if (r.ok) {
        setListing(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, id, path, attempt]);

  const download = useCallback(
    async (target: string) => {
      const r = await client.call('containers.files.download', { id, path: target });
      if (r.ok) downloadTicket(client, r.value);
      else notify('error', `Could not download ${target}: ${r.error.message}`);
    },
    [client, id, notify],
  );

  const onUpload = async (file: File) => {
    const dir = listing?.path ?? path;
    setUpload({ name: file.name });
    const ticket = await client.call('containers.files.upload', { id, dir, name: file.name });
    if (!ticket.ok) {
      setUpload(null);
      notify('error', `Could not upload ${file.name}: ${ticket.error.message}`);
      return;
    }
    const result = await uploadFile(client, ticket.value, file, (p) => setUpload({ name: file.name, ...(p.fraction !== undefined ? { fraction: p.fraction } : {}) }));
    setUpload(null);
    if (result.ok) {
      notify('success', `Uploaded ${file.name} to ${dir}.`);
      setAttempt((a) => a + 1);
    } else notify('error', `Could not upload ${file.name}: ${result.error.message}`);
  };

  const loading = loadedKey !== `${path}#${attempt}`;
  const entries = listing?.entries ?? [];
  const dir = listing?.path ?? path;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });

  const open = (e: FileEntry) => {
    if (e.type === 'dir') setPath(join(dir, e.name));
    else if (e.type === 'link' && e.linkTarget) setPath(linkTarget(dir, e.linkTarget));
  };

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1, flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Breadcrumbs aria-label="Folder path" sx={{ flex: 1 }}>
          <Link component="button" onClick={() => setPath('/')} underline="hover">
            /
          </Link>
          {crumbs(dir).map((c) => (
            <Link key={c.path} component="button" onClick={() => setPath(c.path)} underline="hover">
              {c.part}
            </Link>
          ))}
        </Breadcrumbs>
        {loading && <CircularProgress size={16} aria-label="Loading files" />}
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => setAttempt((a) => a + 1)}>
          Refresh
        </Button>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download(dir)}>
          Download folder
        </Button>
        <Button size="small" variant="outlined" startIcon={<UploadIcon />} onClick={() => fileInput.current?.click()} disabled={upload !== null}>
          Upload file
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="File to upload"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onUpload(file);
          }}
        />
      </Box>
      {upload && (
        <Box role="status">
          <Typography variant="body2">Uploading {upload.name} to {dir}…</Typography>
          <LinearProgress variant={upload.fraction === undefined ? 'indeterminate' : 'determinate'} value={(upload.fraction ?? 0) * 100} />
        </Box>
      )}
      {error && (
        <Alert severity="error" action={path !== '/' && <Button onClick={() => setPath('/')}>Go to /</Button>}>
          {error.message}
          <ErrorDetails details={error.details ?? error.code} />
        </Alert>
      )}
      {listing?.truncated && <Alert severity="info">This folder holds too much to list whole; only part of it is shown.</Alert>}
      <Box role="grid" aria-label={`Files in ${dir}`} aria-rowcount={entries.length} sx={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column', border: 1, borderColor: 'divider' }}>
        <Box role="row" sx={{ display: 'grid', gridTemplateColumns: grid, px: 1, py: 0.5, borderBottom: 1, borderColor: 'divider', typography: 'body2', color: 'text.secondary' }}>
          <span role="columnheader">Name</span>
          <span role="columnheader">Size</span>
          <span role="columnheader">Mode</span>
          <span role="columnheader">Modified</span>
          <span role="columnheader" aria-label="Actions" />
        </Box>
        <Box ref={scrollRef} sx={{ flex: 1, overflow: 'auto' }}>
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const e = entries[item.index];
              if (!e) return null;
              const Icon = e.type === 'dir' ? FolderIcon : e.type === 'link' ? LinkIcon : InsertDriveFileOutlinedIcon;
              const full = join(dir, e.name);
              return (
                <Box role="row" key={e.name} sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)`, display: 'grid', gridTemplateColumns: grid, alignItems: 'center', px: 1, typography: 'body2', '&:hover': { bgcolor: 'action.hover' } }}>
                  <Box role="gridcell" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                    <Icon fontSize="small" color={e.type === 'dir' ? 'primary' : 'action'} aria-hidden />
                    {e.type === 'dir' || (e.type === 'link' && e.linkTarget) ? (
                      <Link component="button" onClick={() => open(e)} underline="hover" sx={{ textAlign: 'left' }}>
                        {e.name}
                      </Link>
                    ) : (
                      <span>{e.name}</span>
                    )}
                    {e.linkTarget && (
                      <Typography variant="caption" color="text.secondary" noWrap>
                        → {e.linkTarget}
                      </Typography>
                    )}
                  </Box>
                  <span role="gridcell">{e.type === 'file' ? formatBytes(e.size) : ''}</span>
                  <Box role="gridcell" sx={{ fontFamily: 'monospace' }}>{e.mode}</Box>
                  <span role="gridcell">{e.mtime ? new Date(e.mtime).toLocaleString() : ''}</span>
                  <Box role="gridcell">
                    {e.type !== 'link' && e.type !== 'other' && (
                      <Tooltip title={`Download ${e.name}${e.type === 'dir' ? ' as .tar' : ''}`}>
                        <IconButton size="small" aria-label={`Download ${e.name}`} onClick={() => void download(full)}>
                          <DownloadIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                  </Box>
                </Box>
              );
            })}
          </Box>
          {listing && entries.length === 0 && (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              {listing.type === 'dir' ? 'This folder is empty. Upload a file into it with “Upload file”.' : `${dir} is not a folder.`}
            </Typography>
          )}
        </Box>
      </Box>
    </Box>
  );
}
