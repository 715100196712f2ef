import { useState } from 'react';
import { Box, Button, FormControlLabel, IconButton, InputAdornment, Menu, MenuItem, Switch, TextField, Tooltip, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ClearAllIcon from '@mui/icons-material/ClearAll';
import DownloadIcon from '@mui/icons-material/Download';

/** What the log stream is opened with; changing one reopens it. */
export interface LogOptions {
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
  /** Keep the newest line in view (the stream itself always follows). */
  follow: boolean;
  onFollow: (follow: boolean) => void;
  onNext: () => void;
  onPrevious: () => void;
  paused: boolean;
  onPause: () => void;
  onClear: () => void;
  /** Saves the lines the view holds. */
  onDownloadShown: () => void;
  /** Saves the whole log from the engine; absent where there is no such download (service logs). */
  onDownloadFull?: () => void;
  /** The "Since" choice (service logs have none). */
  withSince?: boolean;
}

export function LogToolbar(p: Props) {
  const o = p.options;
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', px: 2, py: 1 }}>
      <TextField
        size="small"
        placeholder="Search the logs"
        value={p.query}
        onChange={(e) => p.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            (e.shiftKey ? p.onPrevious : p.onNext)();
          }
          if (e.key === 'Escape' && p.query) {
            e.stopPropagation();
            p.onQuery('');
          }
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
      <FormControlLabel control={<Switch size="small" checked={p.follow} onChange={(e) => p.onFollow(e.target.checked)} />} label="Follow" />
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
      {p.onDownloadFull ? (
        <>
          <Button size="small" startIcon={<DownloadIcon />} aria-haspopup="menu" aria-expanded={menu !== null} onClick={(e) => setMenu(e.currentTarget)}>
            Download
          </Button>
          <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
            <MenuItem
              onClick={() => {
                setMenu(null);
                p.onDownloadFull?.();
              }}
            >
              Download full log
            </MenuItem>
            <MenuItem
              onClick={() => {
                setMenu(null);
                p.onDownloadShown();
              }}
            >
              Download shown lines
            </MenuItem>
          </Menu>
        </>
      ) : (
        <Button size="small" startIcon={<DownloadIcon />} onClick={p.onDownloadShown}>
          Download shown lines
        </Button>
      )}
    </Box>
  );
}
