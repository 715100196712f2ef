import { useState } from 'react';
import { IconButton, InputAdornment, TextField } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';

/**
 * The text of a new secret or config. A secret's text is masked (discs, not copied by autofill) until the user
 * reveals it; multi-line, so keys and certificates fit.
 */
export function ContentField({
  label,
  value,
  onChange,
  masked,
  error,
  help,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  masked: boolean;
  error?: string | undefined;
  help: string;
  disabled: boolean;
}) {
  const [reveal, setReveal] = useState(false);
  const hidden = masked && !reveal;
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      multiline
      minRows={4}
      maxRows={14}
      size="small"
      fullWidth
      disabled={disabled}
      error={!!error}
      helperText={error ?? help}
      slotProps={{
        htmlInput: {
          spellCheck: false,
          autoComplete: 'off',
          'data-masked': hidden ? 'true' : 'false',
          style: { fontFamily: 'monospace', ...(hidden ? { WebkitTextSecurity: 'disc' } : {}) },
        },
        input: masked
          ? {
              endAdornment: (
                <InputAdornment position="end" sx={{ alignSelf: 'flex-start', mt: 1 }}>
                  <IconButton
                    size="small"
                    aria-label={reveal ? `Hide the ${label.toLowerCase()}` : `Show the ${label.toLowerCase()}`}
                    aria-pressed={reveal}
                    onClick={() => setReveal(!reveal)}
                    edge="end"
                  >
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
