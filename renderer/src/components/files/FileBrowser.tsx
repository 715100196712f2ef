import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, LinearProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import RefreshIcon from '@mui/icons-material/Refresh';
import UploadIcon from '@mui/icons-material/Upload';
import type { BerthErrorData, FileEntry, FileListing, FilePreview, Result } from '../../api/contract';
import { nextSort, type Sort } from '../grid/sort';
import { ResourceGrid } from '../grid/ResourceGrid';
import { ErrorDetails } from '../ErrorDetails';
import { fileColumns, sortEntries, type FileSortKey } from './columns';
import { FilePreviewDialog } from './FilePreviewDialog';
import { PathBar } from './PathBar';
import { useFileDrop } from './useFileDrop';
import { useUploads, type UploadFn, type UploadNotice } from './useUploads';

export interface FileBrowserProps {
  /** The root's path in the listing's terms ('/' in a container, '' in a volume) and what it is called. */
  root: { path: string; label: string };
  list: (path: string) => Promise<Result<FileListing>>;
  /** Starts the download of a file, or of a folder as an archive; resolves to the error, if any. */
  download: (path: string) => Promise<BerthErrorData | null>;
  /** What a folder downloads as, e.g. '.tar'. */
  folderFormat: string;
  /** Writes `file` into the folder `dir`; without it the browser is read-only. */
  upload?: UploadFn;
  /** The start of a file as text; with it a file opens in a read-only preview. */
  preview?: (path: string) => Promise<Result<FilePreview>>;
  /** Where a link leads from its folder, when links can be followed; without it links are plain entries. */
  followLink?: (dir: string, target: string) => string;
}

/**
 * Browses files folder by folder (a container's or a volume's): breadcrumbs, a sortable keyboard-navigable grid,
 * downloads of files and whole folders, a read-only preview of a file, and optional uploads (chosen or dropped)
 * into the folder shown.
 */
export function FileBrowser({ root, list, download, folderFormat, upload, preview, followLink }: FileBrowserProps) {
  const [path, setPath] = useState(root.path);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{
    key: string;
    listing: FileListing | null;
    error: BerthErrorData | null;
  } | null>(null);
  const [notice, setNotice] = useState<UploadNotice | null>(null);
  const [previewing, setPreviewing] = useState<FileEntry | null>(null);
  const uploads = useUploads(upload, setNotice, () => setAttempt((a) => a + 1));
  const uploading = uploads.progress;
  const [sort, setSort] = useState<Sort<FileSortKey>>({ key: 'name', direction: 'asc' });
  const fileInput = useRef<HTMLInputElement>(null);
  const key = `${path}#${attempt}`;

  useEffect(() => {
    let live = true;
    void list(path).then((r) => {
      if (!live) return;
      // A failed load keeps the last listing in view under the error.
      setAnswer((last) => ({
        key,
        listing: r.ok ? r.value : (last?.listing ?? null),
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [list, path, key]);

  const listing = answer?.listing ?? null;
  const error = answer?.error ?? null;
  const loading = answer?.key !== key;
  const dir = listing?.path ?? path;

  const go = useCallback((to: string) => {
    setNotice(null);
    setPath(to);
  }, []);
  const startDownload = useCallback(
    async (target: string, name: string) => {
      const failed = await download(target);
      setNotice(
        failed
          ? { severity: 'error', message: `Could not download ${name}: ${failed.message}`, error: failed }
          : null,
      );
    },
    [download],
  );
  const openEntry = useCallback(
    (e: FileEntry) => {
      if (e.type === 'dir') go(e.path);
      else if (e.type === 'link' && e.linkTarget && followLink) go(followLink(dir, e.linkTarget));
      else if (e.type === 'file' && preview) setPreviewing(e);
    },
    [dir, followLink, go, preview],
  );
  const columns = useMemo(
    () =>
      fileColumns({
        folderFormat,
        openable: (e) =>
          e.type === 'dir' || (e.type === 'link' && !!e.linkTarget && !!followLink) || (e.type === 'file' && !!preview),
        open: openEntry,
        download: (e) => void startDownload(e.path, e.name),
      }),
    [folderFormat, followLink, openEntry, preview, startDownload],
  );

  const entries = useMemo(() => sortEntries(listing?.entries ?? [], sort), [listing, sort]);
  const where = dir === root.path ? root.label : dir;
  // Taken whenever uploads are possible: a drop nobody takes makes the browser open the file instead of the app.
  const drop = useFileDrop(!!upload, (files, folders) => {
    if (uploading) setNotice({ severity: 'error', message: 'An upload is running; drop more files once it is done.' });
    else if (files.length > 0) void uploads.start(dir, files, where);
    else if (folders > 0) setNotice({ severity: 'error', message: 'Folders cannot be uploaded: drop the files inside them instead.' });
  });
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 1,
        flex: 1,
        minHeight: 0,
        outline: drop.dragging ? 2 : 0,
        outlineStyle: 'dashed',
        outlineColor: 'primary.main',
        outlineOffset: 2,
      }}
      // Files dragged from the desktop are uploaded into the folder shown.
      {...drop.dropProps}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <PathBar root={root} dir={dir} onGo={go} />
        {loading && <CircularProgress size={16} aria-label="Loading files" />}
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => setAttempt((a) => a + 1)}>
          Refresh
        </Button>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void startDownload(dir, where)}>
          Download folder
        </Button>
        {upload && (
          <>
            <Button
              size="small"
              variant="outlined"
              startIcon={<UploadIcon />}
              onClick={() => fileInput.current?.click()}
              disabled={uploading !== null}
            >
              Upload files
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              aria-label="Files to upload"
              onChange={(e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = '';
                void uploads.start(dir, files, where);
              }}
            />
          </>
        )}
      </Box>
      {uploading && (
        <Box role="status">
          <Typography variant="body2">
            Uploading {uploading.name}
            {uploading.count > 1 ? ` (${uploading.index} of ${uploading.count})` : ''} to {where}…
          </Typography>
          <LinearProgress
            variant={uploading.fraction === undefined ? 'indeterminate' : 'determinate'}
            value={(uploading.fraction ?? 0) * 100}
          />
        </Box>
      )}
      {notice && (
        <Alert
          severity={notice.severity}
          role={notice.severity === 'error' ? 'alert' : 'status'}
          onClose={() => setNotice(null)}
        >
          {notice.message}
          {notice.error && <ErrorDetails details={notice.error.details ?? notice.error.code} />}
        </Alert>
      )}
      {error && (
        <Alert
          severity="error"
          action={path !== root.path && <Button onClick={() => go(root.path)}>Go to {root.label}</Button>}
        >
          {error.message}
          <ErrorDetails details={error.details ?? error.code} />
        </Alert>
      )}
      {listing?.truncated && (
        <Alert severity="info">This folder holds too much to list whole; only part of it is shown.</Alert>
      )}
      {listing && entries.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {listing.type === 'dir'
            ? `This folder is empty.${upload ? ' Upload files into it with “Upload files” or drop them here.' : ''}`
            : `${dir} is not a folder.`}
        </Typography>
      ) : (
        <Box
          sx={{
            display: 'flex',
            flexDirection: 'column',
            flex: 1,
            minHeight: 320,
            border: 1,
            borderColor: 'divider',
          }}
        >
          <ResourceGrid
            label={`Files in ${where}`}
            rows={entries}
            columns={columns}
            rowKey={(e) => e.name}
            rowLabel={(e) => e.name}
            sort={sort}
            onSort={(k) => setSort((s) => nextSort(s, k, ['size', 'mtime']))}
            onOpen={openEntry}
            rowHeight={36}
          />
        </Box>
      )}
      {previewing && preview && (
        <FilePreviewDialog
          entry={previewing}
          preview={preview}
          onDownload={() => void startDownload(previewing.path, previewing.name)}
          onClose={() => setPreviewing(null)}
        />
      )}
    </Box>
  );
}
