import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { defaultUpOptions, type UpOptions } from './actions';

interface Props {
  project: string;
  /** Every profile the project's services name. */
  profiles: string[];
  onUp: (options: UpOptions) => void;
  onCancel: () => void;
}

/** Up with choices: which profiles to enable, when to pull, recreate/build, orphans, wait for healthy. */
export function UpOptionsDialog({ project, profiles, onUp, onCancel }: Props) {
  const [options, setOptions] = useState<UpOptions>(defaultUpOptions);
  const toggleProfile = (p: string, on: boolean) =>
    setOptions((o) => ({ ...o, profiles: on ? [...o.profiles, p] : o.profiles.filter((x) => x !== p) }));
  return (
    <Dialog open onClose={onCancel} aria-labelledby="up-options-title" maxWidth="xs" fullWidth>
      <DialogTitle id="up-options-title">Up {project}</DialogTitle>
      <DialogContent>
        <FormLabel component="legend">Profiles</FormLabel>
        {profiles.length === 0 ? (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            No service of this project belongs to a profile.
          </Typography>
        ) : (
          <FormGroup>
            {profiles.map((p) => (
              <FormControlLabel
                key={p}
                control={<Checkbox checked={options.profiles.includes(p)} onChange={(e) => toggleProfile(p, e.target.checked)} />}
                label={p}
              />
            ))}
          </FormGroup>
        )}
        <TextField
          select
          size="small"
          label="Pull images"
          value={options.pull}
          onChange={(e) => setOptions({ ...options, pull: e.target.value as UpOptions['pull'] })}
          sx={{ mt: 2, mb: 1, minWidth: 220 }}
        >
          <MenuItem value="missing">When missing</MenuItem>
          <MenuItem value="always">Always</MenuItem>
          <MenuItem value="never">Never</MenuItem>
        </TextField>
        <FormGroup>
          <FormControlLabel
            control={<Checkbox checked={options.build} onChange={(e) => setOptions({ ...options, build: e.target.checked })} />}
            label="Build images before starting"
          />
          <FormControlLabel
            control={<Checkbox checked={options.forceRecreate} onChange={(e) => setOptions({ ...options, forceRecreate: e.target.checked })} />}
            label="Recreate containers even if unchanged"
          />
          <FormControlLabel
            control={<Checkbox checked={options.removeOrphans} onChange={(e) => setOptions({ ...options, removeOrphans: e.target.checked })} />}
            label="Remove containers of services no longer in the files"
          />
          <FormControlLabel
            control={<Checkbox checked={options.wait} onChange={(e) => setOptions({ ...options, wait: e.target.checked })} />}
            label="Wait until every service runs (and is healthy, if it has a healthcheck)"
          />
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" onClick={() => onUp(options)}>
          Up
        </Button>
      </DialogActions>
    </Dialog>
  );
}
