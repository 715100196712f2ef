import type { ReactNode } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { FieldErrors } from '../errors';

/** A text field of the service form bound to an error key: the error replaces the help text. */
export function Field({
  label,
  value,
  onChange,
  error,
  help,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  width?: number | string;
}) {
  const { width, multiline, ...props } = rest;
  return (
    <TextField
      {...props}
      label={label}
      value={value}
      size="small"
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? help}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      sx={{ width: width ?? '100%' }}
      slotProps={{ htmlInput: { spellCheck: false } }}
    />
  );
}

/** A select of the service form. */
export function Choice<V extends string>({
  label,
  value,
  onChange,
  options,
  width = 180,
}: {
  label: string;
  value: V;
  onChange: (v: V) => void;
  options: readonly (V | [V, string])[];
  width?: number;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
      sx={{ width }}
    >
      {options.map((o) => {
        const [v, text] = Array.isArray(o) ? o : [o, o];
        return (
          <MenuItem key={v} value={v}>
            {text}
          </MenuItem>
        );
      })}
    </TextField>
  );
}

/** One collapsible part of the form; opens itself while one of its fields has a problem. */
export function Section({
  title,
  summary,
  keys,
  errors,
  open,
  onOpen,
  children,
}: {
  title: string;
  summary?: string;
  /** Error-key prefixes this section holds. */
  keys: string[];
  errors: FieldErrors;
  open: boolean;
  onOpen: (open: boolean) => void;
  children: ReactNode;
}) {
  const failing = Object.keys(errors).some((k) => keys.some((p) => k === p || k.startsWith(`${p}.`)));
  return (
    <Accordion disableGutters expanded={open || failing} onChange={(_, v) => onOpen(v)} variant="outlined">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography sx={{ fontWeight: 500, color: failing ? 'error.main' : undefined }}>{title}</Typography>
        {summary && (
          <Typography color="text.secondary" sx={{ ml: 2 }} variant="body2">
            {summary}
          </Typography>
        )}
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={2}>{children}</Stack>
      </AccordionDetails>
    </Accordion>
  );
}
