import { Autocomplete, TextField } from '@mui/material';
import type { SwarmAddressCandidate } from '../../../api/contract';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  candidates: SwarmAddressCandidate[];
  error?: string;
  helperText: string;
}

/** An address this engine advertises: one of swarm.addresses, or typed (host, host:port or interface). */
export function AddressPicker({ label, value, onChange, candidates, error, helperText }: Props) {
  return (
    <Autocomplete
      freeSolo
      options={candidates.map((c) => c.address)}
      getOptionLabel={(o) => o}
      renderOption={(props, option) => {
        const c = candidates.find((x) => x.address === option);
        return (
          <li {...props} key={option}>
            {option}
            {c ? ` (${c.source})` : ''}
          </li>
        );
      }}
      inputValue={value}
      onInputChange={(_, v) => onChange(v)}
      renderInput={(params) => (
        <TextField {...params} label={label} error={!!error} helperText={error ?? helperText} />
      )}
    />
  );
}
