import { MenuItem, TextField, Typography } from '@mui/material';
import { useBerth } from '../../../stores/context';

/** The names a "name[:target]" per line text lists. */
const namesIn = (text: string) =>
  text
    .split('\n')
    .map((l) => l.split(':')[0]?.trim() ?? '')
    .filter(Boolean);

/**
 * Under the service form's Secrets or Configs field: a picker of the swarm's existing ones (from the live list)
 * that appends a line, and a note naming listed ones the swarm does not have.
 */
export function DataPicker({ kind, value, onChange }: { kind: 'secret' | 'config'; value: string; onChange: (v: string) => void }) {
  const record = useBerth((s) => (kind === 'secret' ? s.swarmSecrets.items : s.swarmConfigs.items));
  const loaded = useBerth((s) => (kind === 'secret' ? s.swarmSecrets.loaded : s.swarmConfigs.loaded));
  const known = Object.values(record).map((d) => d.name);
  const listed = namesIn(value);
  const free = known.filter((n) => !listed.includes(n)).sort();
  const unknown = loaded ? listed.filter((n) => !known.includes(n)) : [];
  return (
    <>
      <TextField
        select
        size="small"
        label={`Add a ${kind}`}
        value=""
        disabled={free.length === 0}
        helperText={known.length === 0 && loaded ? `No ${kind}s in this swarm yet: create them in the ${kind === 'secret' ? 'Secrets' : 'Configs'} tab.` : undefined}
        onChange={(e) => onChange(value.trim() ? `${value.replace(/\n+$/, '')}\n${e.target.value}` : e.target.value)}
        sx={{ width: 260 }}
      >
        {free.map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
      {unknown.length > 0 && (
        <Typography variant="body2" color="warning.main" role="status">
          Not in this swarm: {unknown.join(', ')}. Create {unknown.length === 1 ? 'it' : 'them'} first, or the service is refused.
        </Typography>
      )}
    </>
  );
}
