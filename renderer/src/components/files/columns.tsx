import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import FolderIcon from '@mui/icons-material/Folder';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import LinkIcon from '@mui/icons-material/Link';
import type { FileEntry } from '../../api/contract';
import { formatBytes, formatTime } from '../../api/contract';
import { sortBy, type Sort } from '../grid/sort';
import type { GridColumn } from '../grid/ResourceGrid';
import { RowLink } from '../grid/RowLink';

export type FileSortKey = 'name' | 'size' | 'mtime';

export interface FileActions {
  /** Whether an entry opens: a folder, or a link the browser can follow. */
  openable: (e: FileEntry) => boolean;
  open: (e: FileEntry) => void;
  download: (e: FileEntry) => void;
  /** What a folder downloads as, e.g. '.tar'. */
  folderFormat: string;
}

const iconOf = (e: FileEntry) =>
  e.type === 'dir' ? FolderIcon : e.type === 'link' ? LinkIcon : InsertDriveFileOutlinedIcon;
/** Files show their size; folders the total below them when there is one. */
const sizeOf = (e: FileEntry) =>
  e.type === 'file' || (e.type === 'dir' && e.size > 0) ? formatBytes(e.size) : '';

export function fileColumns(actions: FileActions): GridColumn<FileEntry, FileSortKey>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      width: 'minmax(200px, 1fr)',
      sortKey: 'name',
      render: (e) => {
        const Icon = iconOf(e);
        return (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
            <Icon fontSize="small" color={e.type === 'dir' ? 'primary' : 'action'} aria-hidden />
            {actions.openable(e) ? (
              <RowLink rowKey={e.name} onOpen={() => actions.open(e)} sx={{ color: 'primary.main' }}>
                {e.name}
              </RowLink>
            ) : (
              <span>{e.name}</span>
            )}
            {e.linkTarget && (
              <Typography variant="caption" color="text.secondary" noWrap>
                → {e.linkTarget}
              </Typography>
            )}
          </Box>
        );
      },
    },
    { id: 'size', label: 'Size', width: '100px', sortKey: 'size', priority: 1, render: sizeOf },
    {
      id: 'mode',
      label: 'Mode',
      width: '130px',
      priority: 3,
      render: (e) => <Box sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{e.mode}</Box>,
    },
    {
      id: 'mtime',
      label: 'Modified',
      width: '200px',
      sortKey: 'mtime',
      priority: 2,
      render: (e) => <Box sx={{ whiteSpace: 'nowrap' }}>{e.mtime ? formatTime(e.mtime) : ''}</Box>,
    },
    {
      id: 'actions',
      label: '',
      width: '48px',
      // Links are refused by both backends (download the target instead); devices and fifos have no bytes.
      render: (e) =>
        (e.type === 'file' || e.type === 'dir') && (
          <Tooltip title={`Download ${e.name}${e.type === 'dir' ? ` as ${actions.folderFormat}` : ''}`}>
            <IconButton size="small" aria-label={`Download ${e.name}`} onClick={() => actions.download(e)}>
              <DownloadIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ),
    },
  ];
}

/** Folders first, then by the sort (names break ties). */
export function sortEntries(entries: FileEntry[], sort: Sort<FileSortKey>): FileEntry[] {
  const sorted = sortBy(
    entries,
    sort,
    (e, key) => e[key],
    (e) => e.name,
  );
  return [...sorted.filter((e) => e.type === 'dir'), ...sorted.filter((e) => e.type !== 'dir')];
}
