import { useState } from 'react';
import { IconButton, InputAdornment, MenuItem, TextField } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import type { TemplateParameter } from '../../api/contract';

interface Props {
  parameter: TemplateParameter;
  value: string;
  /** Shown under the field (the problem once the field was touched, else the description). */
  problem: string | undefined;
  onChange: (value: string) => void;
}

/** One deploy parameter: a select for a choice list, a masked field with a reveal button for a secret, else text. */
export function ParameterField({ parameter: p, value, problem, onChange }: Props) {
  const [reveal, setReveal] = useState(false);
  const helper = problem ?? [p.description, p.pattern && !p.options ? `Format: ${p.pattern}` : ''].filter(Boolean).join(' · ');
  const common = {
    label: p.label,
    value,
    required: p.required,
    error: problem !== undefined,
    helperText: helper || `\${${p.name}}`,
    fullWidth: true,
    size: 'small' as const,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (p.options) {
    return (
      <TextField select {...common}>
        {!p.required && (
          <MenuItem value="">
            <em>None</em>
          </MenuItem>
        )}
        {p.options.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label && o.label !== o.value ? `${o.label} (${o.value})` : o.value}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      type={p.secret && !reveal ? 'password' : 'text'}
      autoComplete={p.secret ? 'new-password' : 'off'}
      slotProps={{
        htmlInput: { spellCheck: false },
        input: p.secret
          ? {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton size="small" aria-label={reveal ? `Hide ${p.label}` : `Show ${p.label}`} aria-pressed={reveal} onClick={() => setReveal(!reveal)} edge="end">
                    {reveal ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
                  </IconButton>
                </InputAdornment>
              ),
            }
          : undefined,
      }}
    />
  );
}
