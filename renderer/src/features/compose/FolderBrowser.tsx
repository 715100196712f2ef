import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  Link,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Switch,
  Typography,
} from '@mui/material';
import FolderIcon from '@mui/icons-material/Folder';
import DescriptionIcon from '@mui/icons-material/Description';
import { plural, type BerthErrorData, type ComposeBrowseResult } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';

interface Props {
  /** Folder to list; undefined → the backend's default (the user's home). */
  path: string | undefined;
  /** The compose file currently chosen, highlighted in the list. */
  selectedFile: string | undefined;
  onFolder: (path: string) => void;
  onFile: (path: string, folder: string) => void;
  /** The folder actually listed (the default resolves to the user's home). */
  onListed: (result: ComposeBrowseResult) => void;
}

const join = (dir: string, name: string) => `${dir.replace(/[\\/]$/, '')}/${name}`;

/** Crumbs for an absolute path: / › srv › app. */
function crumbs(path: string): { label: string; path: string }[] {
  const parts = path.split('/').filter(Boolean);
  return [
    { label: '/', path: '/' },
    ...parts.map((p, i) => ({ label: p, path: `/${parts.slice(0, i + 1).join('/')}` })),
  ];
}

/**
 * Host folders for choosing a project (they are on the machine the backend runs on, which in web mode is not
 * the browser's): breadcrumbs, folders first, compose files and folders holding one highlighted.
 */
export function FolderBrowser({ path, selectedFile, onFolder, onFile, onListed }: Props) {
  const client = useBerth((s) => s.client);
  const [showHidden, setShowHidden] = useState(false);
  const [listing, setListing] = useState<{
    for: string | undefined;
    hidden: boolean;
    result?: ComposeBrowseResult;
    error?: BerthErrorData;
  } | null>(null);

  useEffect(() => {
    let current = true;
    void client
      .call('compose.files.browse', { ...(path ? { path } : {}), ...(showHidden ? { showHidden } : {}) })
      .then((r) => {
        if (!current) return;
        setListing(
          r.ok
            ? { for: path, hidden: showHidden, result: r.value }
            : { for: path, hidden: showHidden, error: r.error },
        );
        if (r.ok) onListed(r.value);
      });
    return () => {
      current = false;
    };
  }, [client, path, showHidden, onListed]);

  if (!listing || listing.for !== path || listing.hidden !== showHidden) {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2 }}>
        <CircularProgress size={16} /> Listing folder…
      </Box>
    );
  }
  if (listing.error) {
    return (
      <Alert severity="error">
        Could not list {path ?? 'your home folder'}: {listing.error.message}
        <ErrorDetails details={listing.error.details} />
      </Alert>
    );
  }
  const result = listing.result;
  if (!result) return null;
  const entries = [...result.entries].sort((a, b) =>
    a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1,
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Breadcrumbs aria-label="Folder path" maxItems={8} sx={{ flex: 1, minWidth: 0 }}>
          {crumbs(result.path).map((c, i, all) =>
            i === all.length - 1 ? (
              <Typography key={c.path} color="text.primary" variant="body2">
                {c.label}
              </Typography>
            ) : (
              <Link
                key={c.path}
                component="button"
                type="button"
                variant="body2"
                onClick={() => onFolder(c.path)}
              >
                {c.label}
              </Link>
            ),
          )}
        </Breadcrumbs>
        <FormControlLabel
          control={
            <Switch size="small" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} />
          }
          label="Show hidden"
        />
      </Box>
      <List
        dense
        aria-label="Folder contents"
        sx={{ maxHeight: 280, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        {result.parent && (
          <ListItemButton onClick={() => onFolder(result.parent ?? '/')}>
            <ListItemIcon sx={{ minWidth: 32 }}>
              <FolderIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText primary=".." />
          </ListItemButton>
        )}
        {entries.length === 0 && result.hidden === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ p: 1.5 }}>
            This folder is empty.
          </Typography>
        )}
        {entries.length === 0 && result.hidden > 0 && (
          <Box sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary">
              This folder holds only hidden entries ({plural(result.hidden, 'name')} starting with “.”).
            </Typography>
            <Button size="small" onClick={() => setShowHidden(true)}>
              Show hidden
            </Button>
          </Box>
        )}
        {entries.map((e) => {
          const full = join(result.path, e.name);
          const isDir = e.type === 'dir';
          return (
            <ListItemButton
              key={e.name}
              selected={!isDir && full === selectedFile}
              onClick={() => (isDir ? onFolder(full) : onFile(full, result.path))}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                {isDir ? (
                  <FolderIcon fontSize="small" color={e.isCompose ? 'primary' : 'inherit'} />
                ) : (
                  <DescriptionIcon fontSize="small" color={e.isCompose ? 'primary' : 'inherit'} />
                )}
              </ListItemIcon>
              <ListItemText
                primary={e.name}
                slotProps={{ primary: { sx: { fontWeight: e.isCompose ? 600 : undefined } } }}
              />
              {e.isCompose && (
                <Chip
                  size="small"
                  variant="outlined"
                  color="primary"
                  label={isDir ? 'has compose file' : 'compose file'}
                />
              )}
            </ListItemButton>
          );
        })}
      </List>
    </Box>
  );
}
