import { useRef } from 'react';
import { Box, InputAdornment, MenuItem, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import type { ContainerState } from '../../api/contract';
import { useSlashFocus } from '../../components/useSlashFocus';
import type { ContainerFilter } from './filter';

const stateOptions: (ContainerState | 'all')[] = ['all', 'running', 'paused', 'restarting', 'created', 'exited', 'dead'];

interface Props {
  filter: ContainerFilter;
  onChange: (filter: ContainerFilter) => void;
  shown: number;
  total: number;
}

/** Filter box (`/` focuses it), state filter and the row count. */
export function ContainerToolbar({ filter, onChange, shown, total }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
      <TextField
        inputRef={searchRef}
        size="small"
        placeholder="Filter by name, image or project"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChange({ ...filter, query: '' });
        }}
        sx={{ width: 340 }}
        slotProps={{
          htmlInput: { 'aria-label': 'Filter containers', 'aria-keyshortcuts': '/' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
            endAdornment: (
              <InputAdornment position="end">
                <Box component="kbd" sx={{ fontSize: 12, px: 0.75, border: 1, borderColor: 'divider', borderRadius: 0.5, color: 'text.secondary' }}>
                  /
                </Box>
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField
        select
        size="small"
        label="State"
        value={filter.state}
        onChange={(e) => onChange({ ...filter, state: e.target.value as ContainerFilter['state'] })}
        sx={{ width: 160 }}
      >
        {stateOptions.map((s) => (
          <MenuItem key={s} value={s}>
            {s === 'all' ? 'All states' : s}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
        {shown === total ? `${total} containers` : `${shown} of ${total} containers`}
      </Typography>
    </Box>
  );
}
