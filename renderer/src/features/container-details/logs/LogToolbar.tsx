import { Box, Button, FormControlLabel, IconButton, InputAdornment, MenuItem, Switch, TextField, Tooltip, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ClearAllIcon from '@mui/icons-material/ClearAll';
import DownloadIcon from '@mui/icons-material/Download';

export interface LogOptions {
  follow: boolean;
  tail: number | 'all';
  /** Seconds back from now; 0 for no limit. */
  sinceSeconds: number;
  timestamps: boolean;
}

export const TAILS: (number | 'all')[] = [100, 1000, 10_000, 'all'];
export const SINCES = [
  { seconds: 0, label: 'Any time' },
  { seconds: 300, label: 'Last 5 minutes' },
  { seconds: 3600, label: 'Last hour' },
  { seconds: 86_400, label: 'Last 24 hours' },
];

interface Props {
  options: LogOptions;
  onOptions: (o: LogOptions) => void;
  query: string;
  onQuery: (q: string) => void;
  matchText: string;
  onNext: () => void;
  onPrevious: () => void;
  paused: boolean;
  onPause: () => void;
  onClear: () => void;
  onDownload: () => void;
  /** The "Since" choice (service logs have none). */
  withSince?: boolean;
}

export function LogToolbar(p: Props) {
  const o = p.options;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', px: 2, py: 1 }}>
      <TextField
        size="small"
        placeholder="Search the logs"
        value={p.query}
        onChange={(e) => p.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.shiftKey ? p.onPrevious : p.onNext)();
          if (e.key === 'Escape') p.onQuery('');
        }}
        sx={{ width: 240 }}
        slotProps={{
          htmlInput: { 'aria-label': 'Search the logs' },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
        }}
      />
      <Typography variant="body2" color="text.secondary" role="status" sx={{ minWidth: 64 }}>
        {p.matchText}
      </Typography>
      <IconButton size="small" aria-label="Previous match" onClick={p.onPrevious} disabled={!p.query}>
        <KeyboardArrowUpIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label="Next match" onClick={p.onNext} disabled={!p.query}>
        <KeyboardArrowDownIcon fontSize="small" />
      </IconButton>
      <FormControlLabel control={<Switch size="small" checked={o.follow} onChange={(e) => p.onOptions({ ...o, follow: e.target.checked })} />} label="Follow" />
      <FormControlLabel control={<Switch size="small" checked={o.timestamps} onChange={(e) => p.onOptions({ ...o, timestamps: e.target.checked })} />} label="Timestamps" />
      <TextField select size="small" label="Lines" value={String(o.tail)} onChange={(e) => p.onOptions({ ...o, tail: e.target.value === 'all' ? 'all' : Number(e.target.value) })} sx={{ width: 140 }}>
        {TAILS.map((t) => (
          <MenuItem key={String(t)} value={String(t)}>
            {t === 'all' ? 'All' : `Last ${t.toLocaleString()}`}
          </MenuItem>
        ))}
      </TextField>
      {p.withSince !== false && (
        <TextField select size="small" label="Since" value={o.sinceSeconds} onChange={(e) => p.onOptions({ ...o, sinceSeconds: Number(e.target.value) })} sx={{ width: 150 }}>
          {SINCES.map((s) => (
            <MenuItem key={s.seconds} value={s.seconds}>
              {s.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Box sx={{ flex: 1 }} />
      <Button size="small" startIcon={p.paused ? <PlayArrowIcon /> : <PauseIcon />} onClick={p.onPause}>
        {p.paused ? 'Resume' : 'Pause'}
      </Button>
      <Tooltip title="Clear the view (the container's logs are kept)">
        <Button size="small" startIcon={<ClearAllIcon />} onClick={p.onClear}>
          Clear
        </Button>
      </Tooltip>
      <Button size="small" startIcon={<DownloadIcon />} onClick={p.onDownload}>
        Download
      </Button>
    </Box>
  );
}
