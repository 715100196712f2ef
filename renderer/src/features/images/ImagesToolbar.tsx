import { useRef } from 'react';
import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined';
import BuildOutlinedIcon from '@mui/icons-material/BuildOutlined';
import { IfMay } from '../../components/access';
import { useSlashFocus } from '../../components/useSlashFocus';
import { plural } from '../../api/contract';
import type { ImageFilter, UsageFilter } from './view';
import { SearchField } from '../../components/SearchField';

export type PageDialog = 'pull' | 'build' | 'load' | 'import' | 'prune';

const usageOptions: { value: UsageFilter; label: string }[] = [
  { value: 'all', label: 'All images' },
  { value: 'in use', label: 'In use' },
  { value: 'unused', label: 'Unused' },
  { value: 'dangling', label: 'Dangling' },
];

interface Props {
  filter: ImageFilter;
  onChange: (filter: ImageFilter) => void;
  shown: number;
  total: number;
  totalSize: string;
  onOpen: (dialog: PageDialog) => void;
}

/** Search (`/` focuses it), usage filter, the count, and the page's actions. */
export function ImagesToolbar({ filter, onChange, shown, total, totalSize, onOpen }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
      <SearchField label="Filter images" placeholder="Filter by name, ID or container" value={filter.query} onChange={(v) => onChange({ ...filter, query: v })} width={300} inputRef={searchRef} shortcut="/" />
      <TextField
        select
        size="small"
        label="Show"
        value={filter.usage}
        onChange={(e) => onChange({ ...filter, usage: e.target.value as UsageFilter })}
        sx={{ width: 150 }}
      >
        {usageOptions.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary" role="status">
        {shown === total ? plural(total, 'image') : `${shown} of ${plural(total, 'image')}`} · {totalSize}
      </Typography>
      <Box sx={{ ml: 'auto', display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <IfMay method="images.pull">
          <Button variant="contained" startIcon={<CloudDownloadOutlinedIcon />} onClick={() => onOpen('pull')}>
            Pull
          </Button>
        </IfMay>
        <IfMay method="images.buildUpload">
          <Button variant="outlined" startIcon={<BuildOutlinedIcon />} onClick={() => onOpen('build')}>
            Build
          </Button>
        </IfMay>
        <IfMay method="images.loadUpload">
          <Button onClick={() => onOpen('load')}>Load</Button>
        </IfMay>
        <IfMay method="images.importUpload">
          <Button onClick={() => onOpen('import')}>Import</Button>
        </IfMay>
        <IfMay method="images.prune">
          <Button color="error" onClick={() => onOpen('prune')}>
            Prune…
          </Button>
        </IfMay>
      </Box>
    </Box>
  );
}
