import { useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { FILE_PREVIEW_BYTES, formatBytes, type BerthErrorData, type FileEntry, type FilePreview, type Result } from '../../api/contract';
import { ErrorDetails } from '../ErrorDetails';

interface Props {
  entry: FileEntry;
  preview: (path: string) => Promise<Result<FilePreview>>;
  onDownload: () => void;
  onClose: () => void;
}

/** A file's first 256 KiB, read-only; a binary file is said to be one (download it to open it). */
export function FilePreviewDialog({ entry, preview, onDownload, onClose }: Props) {
  const [answer, setAnswer] = useState<{ value?: FilePreview; error?: BerthErrorData } | null>(null);
  useEffect(() => {
    let live = true;
    void preview(entry.path).then((r) => live && setAnswer(r.ok ? { value: r.value } : { error: r.error }));
    return () => {
      live = false;
    };
  }, [entry.path, preview]);
  const value = answer?.value;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="file-preview-title">
      <DialogTitle id="file-preview-title">
        {entry.name}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {formatBytes(value?.size ?? entry.size)} · read-only
        </Typography>
      </DialogTitle>
      <DialogContent dividers>
        {!answer && (
          <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={16} /> Reading {entry.name}…
          </Box>
        )}
        {answer?.error && (
          <Alert severity="error">
            Could not read {entry.name}: {answer.error.message}
            <ErrorDetails details={answer.error.details ?? answer.error.code} />
          </Alert>
        )}
        {value?.binary && <Alert severity="info">{entry.name} is a binary file, so it is not shown as text. Download it to open it.</Alert>}
        {value && !value.binary && (
          <>
            {value.truncated && (
              <Alert severity="info" sx={{ mb: 1 }}>
                Showing the first {formatBytes(FILE_PREVIEW_BYTES)} of {formatBytes(value.size)}. Download the file for all of it.
              </Alert>
            )}
            <Box
              component="pre"
              tabIndex={0}
              aria-label={`Contents of ${entry.name}`}
              sx={{ m: 0, fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '60vh', overflow: 'auto' }}
            >
              {value.text || '(empty file)'}
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} onClick={onDownload}>
          Download
        </Button>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
