import { useRef } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  FormControlLabel,
  MenuItem,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CleaningServicesIcon from '@mui/icons-material/CleaningServicesOutlined';
import { plural, type ContainerState } from '../../api/contract';
import { useSlashFocus } from '../../components/useSlashFocus';
import { NO_PROJECT, type ContainerFilter } from './filter';
import { useMayCall } from '../../components/access';
import { SearchField } from '../../components/SearchField';

const stateOptions: (ContainerState | 'all')[] = [
  'all',
  'running',
  'paused',
  'restarting',
  'created',
  'exited',
  'dead',
];

interface Props {
  filter: ContainerFilter;
  onChange: (filter: ContainerFilter) => void;
  shown: number;
  total: number;
  images: string[];
  projects: string[];
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  onRun: () => void;
  onPrune: () => void;
}

/** Run and prune buttons, the filter box (`/` focuses it), state/image/label/project filters, grouping, count. */
export function ContainerToolbar({
  filter,
  onChange,
  shown,
  total,
  images,
  projects,
  grouped,
  onGroupedChange,
  onRun,
  onPrune,
}: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  const may = useMayCall();
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 2, pb: 1, flexWrap: 'wrap' }}>
      {may('containers.create') && (
        <Button variant="contained" startIcon={<AddIcon />} onClick={onRun}>
          Run a container
        </Button>
      )}
      <SearchField label="Filter containers" placeholder="Filter by name, image or project" value={filter.query} onChange={(v) => onChange({ ...filter, query: v })} width={300} inputRef={searchRef} shortcut="/" />
      <TextField
        select
        size="small"
        label="State"
        value={filter.state}
        sx={{ width: 140 }}
        onChange={(e) => onChange({ ...filter, state: e.target.value as ContainerFilter['state'] })}
      >
        {stateOptions.map((s) => (
          <MenuItem key={s} value={s}>
            {s === 'all' ? 'All states' : s}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        size="small"
        options={images}
        value={filter.image || null}
        sx={{ width: 220 }}
        onChange={(_, image) => onChange({ ...filter, image: image ?? '' })}
        renderInput={(params) => <TextField {...params} label="Image" />}
      />
      <TextField
        size="small"
        label="Label"
        placeholder="key or key=value"
        value={filter.label ?? ''}
        sx={{ width: 180 }}
        onChange={(e) => onChange({ ...filter, label: e.target.value })}
      />
      <TextField
        select
        size="small"
        label="Project"
        value={filter.project ?? ''}
        sx={{ width: 160 }}
        onChange={(e) => onChange({ ...filter, project: e.target.value })}
      >
        <MenuItem value="">All projects</MenuItem>
        <MenuItem value={NO_PROJECT}>Not in a project</MenuItem>
        {projects.map((p) => (
          <MenuItem key={p} value={p}>
            {p}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Switch checked={grouped} onChange={(e) => onGroupedChange(e.target.checked)} />}
        label="Group by project"
      />
      {may('containers.prune') && (
        <Button startIcon={<CleaningServicesIcon />} onClick={onPrune}>
          Prune stopped…
        </Button>
      )}
      <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
        {shown === total
          ? plural(total, 'container')
          : `${shown} of ${plural(total, 'container')}`}
      </Typography>
    </Box>
  );
}
