import { memo } from 'react';
import { Box, FormControlLabel, MenuItem, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { SwarmNode, SwarmServiceSummary } from '../../../api/contract';
import { sortNodes, type CardMode, type ModeChoice, type VisualizerFilter } from './model';

const ALL = '';

interface Props {
  filter: VisualizerFilter;
  onFilter: (filter: VisualizerFilter) => void;
  services: Record<string, SwarmServiceSummary>;
  nodes: Record<string, SwarmNode>;
  modeChoice: ModeChoice;
  /** The mode in use (what auto chose). */
  mode: CardMode;
  onMode: (mode: ModeChoice) => void;
  showLabels: boolean;
  onShowLabels: (on: boolean) => void;
  summary: string;
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ALL}
      sx={{ minWidth: 150 }}
      onChange={(e) => onChange(e.target.value === ALL ? null : e.target.value)}
    >
      <MenuItem value={ALL}>All</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Filters (service, stack, node), the stopped-tasks and node-labels toggles, and the card mode. Memoized: a task
 * patch re-renders the board, not the toolbar. */
export const VisualizerToolbar = memo(function VisualizerToolbar(p: Props) {
  const { filter, onFilter } = p;
  const services = Object.values(p.services).sort((a, b) => a.name.localeCompare(b.name));
  const stacks = [...new Set(services.flatMap((s) => (s.stack ? [s.stack] : [])))].sort();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', px: 2, py: 1 }}>
      <FilterSelect
        label="Service"
        value={filter.service}
        options={services.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(service) => onFilter({ ...filter, service })}
      />
      <FilterSelect
        label="Stack"
        value={filter.stack}
        options={stacks.map((s) => ({ value: s, label: s }))}
        onChange={(stack) => onFilter({ ...filter, stack })}
      />
      <FilterSelect
        label="Node"
        value={filter.node}
        options={sortNodes(Object.values(p.nodes)).map((n) => ({ value: n.id, label: n.hostname }))}
        onChange={(node) => onFilter({ ...filter, node })}
      />
      <FormControlLabel
        control={<Switch checked={filter.showStopped} onChange={(e) => onFilter({ ...filter, showStopped: e.target.checked })} />}
        label="Show stopped tasks"
      />
      <FormControlLabel
        control={<Switch checked={p.showLabels} onChange={(e) => p.onShowLabels(e.target.checked)} />}
        label="Node labels"
      />
      <ToggleButtonGroup
        size="small"
        exclusive
        value={p.modeChoice}
        onChange={(_e, v: ModeChoice | null) => v && p.onMode(v)}
        aria-label="Card mode"
      >
        <ToggleButton value="auto">Auto{p.modeChoice === 'auto' ? ` (${p.mode})` : ''}</ToggleButton>
        <ToggleButton value="cards">Cards</ToggleButton>
        <ToggleButton value="dense">Dense</ToggleButton>
        <ToggleButton value="counts">Counts</ToggleButton>
      </ToggleButtonGroup>
      <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
        {p.summary}
      </Typography>
    </Box>
  );
});
