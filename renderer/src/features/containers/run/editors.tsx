import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { plural, parseEnvFile } from '../../../api/contract';
import type { FieldErrors, KeyValueRow, MountRow, PortRow } from './specForm';

// Row editors of the run dialog: each row is a line of small fields with a remove button; errors show
// under the field they belong to (paths like "ports.1.hostPort").

interface RowsProps<R> {
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}

// The top padding leaves room for the first row's floating labels under a section heading.
const rowSx = { display: 'flex', gap: 1, alignItems: 'flex-start', pt: 1.5, mb: 0.25 } as const;

function update<R>(rows: R[], i: number, patch: Partial<R>): R[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean | undefined;
}) {
  return (
    <IconButton aria-label={label} onClick={onClick} disabled={disabled} sx={{ mt: 0.5 }}>
      <DeleteOutlineIcon fontSize="small" />
    </IconButton>
  );
}

const fieldProps = (errors: FieldErrors, path: string) => ({
  error: path in errors,
  helperText: errors[path],
  size: 'small' as const,
});

export function PortsEditor({ rows, onChange, errors, disabled }: RowsProps<PortRow>) {
  return (
    <Box role="group" aria-label="Ports">
      {rows.map((p, i) => (
        <Box key={i} sx={rowSx}>
          <TextField
            label="Host IP"
            placeholder="all"
            value={p.hostIp}
            disabled={disabled}
            sx={{ width: 140 }}
            onChange={(e) => onChange(update(rows, i, { hostIp: e.target.value }))}
            {...fieldProps(errors, `ports.${i}.hostIp`)}
          />
          <TextField
            label="Host port"
            placeholder="any free"
            value={p.hostPort}
            disabled={disabled}
            sx={{ width: 130 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Host port, row ${i + 1}` } }}
            onChange={(e) => onChange(update(rows, i, { hostPort: e.target.value }))}
            {...fieldProps(errors, `ports.${i}.hostPort`)}
          />
          <TextField
            label="Container port"
            value={p.containerPort}
            disabled={disabled}
            sx={{ width: 140 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Container port, row ${i + 1}` } }}
            onChange={(e) => onChange(update(rows, i, { containerPort: e.target.value }))}
            {...fieldProps(errors, `ports.${i}.containerPort`)}
          />
          <TextField
            select
            label="Protocol"
            value={p.protocol}
            disabled={disabled}
            sx={{ width: 100 }}
            size="small"
            onChange={(e) => onChange(update(rows, i, { protocol: e.target.value as PortRow['protocol'] }))}
          >
            {['tcp', 'udp', 'sctp'].map((proto) => (
              <MenuItem key={proto} value={proto}>
                {proto}
              </MenuItem>
            ))}
          </TextField>
          <RemoveButton
            label={`Remove port row ${i + 1}`}
            disabled={disabled}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </Box>
      ))}
      {errors.ports && (
        <Typography color="error" variant="caption" component="p">
          {errors.ports}
        </Typography>
      )}
      <Button
        size="small"
        startIcon={<AddIcon />}
        disabled={disabled}
        onClick={() => onChange([...rows, { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' }])}
      >
        Add port
      </Button>
    </Box>
  );
}

interface KeyValueProps extends RowsProps<KeyValueRow> {
  /** "env" or "labels": the error path prefix. */
  field: 'env' | 'labels';
  noun: string;
  /** Offer "Paste .env" (docker --env-file format). */
  pasteEnv?: boolean;
}

export function KeyValueEditor({ rows, onChange, errors, disabled, field, noun, pasteEnv }: KeyValueProps) {
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const parsed = pasting ? parseEnvFile(text) : undefined;
  const addParsed = () => {
    if (!parsed) return;
    const byKey = new Map(rows.filter((r) => r.key || r.value).map((r) => [r.key, r]));
    for (const [key, value] of Object.entries(parsed.env)) byKey.set(key, { key, value });
    onChange([...byKey.values()]);
    setPasting(false);
    setText('');
  };
  return (
    <Box role="group" aria-label={noun === 'variable' ? 'Environment variables' : 'Labels'}>
      {rows.map((r, i) => (
        <Box key={i} sx={rowSx}>
          <TextField
            label="Name"
            value={r.key}
            disabled={disabled}
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { 'aria-label': `${noun} name, row ${i + 1}` } }}
            onChange={(e) => onChange(update(rows, i, { key: e.target.value }))}
            {...fieldProps(errors, `${field}.${i}.key`)}
          />
          <TextField
            label="Value"
            value={r.value}
            disabled={disabled}
            sx={{ flex: 2 }}
            slotProps={{ htmlInput: { 'aria-label': `${noun} value, row ${i + 1}` } }}
            onChange={(e) => onChange(update(rows, i, { value: e.target.value }))}
            size="small"
          />
          <RemoveButton
            label={`Remove ${noun} row ${i + 1}`}
            disabled={disabled}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </Box>
      ))}
      {errors[field] && (
        <Typography color="error" variant="caption" component="p">
          {errors[field]}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          disabled={disabled}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          Add {noun}
        </Button>
        {pasteEnv && (
          <Button
            size="small"
            disabled={disabled}
            onClick={() => setPasting(!pasting)}
            aria-expanded={pasting}
          >
            Paste .env
          </Button>
        )}
      </Box>
      {pasting && parsed && (
        <Box sx={{ mt: 1 }}>
          <TextField
            multiline
            minRows={3}
            fullWidth
            label=".env file contents"
            placeholder={'KEY=value\n# comments are skipped'}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={parsed.problems.length > 0}
            helperText={parsed.problems.join('; ') || plural(Object.keys(parsed.env).length, 'variable')}
          />
          <Button
            size="small"
            sx={{ mt: 1 }}
            disabled={parsed.problems.length > 0 || Object.keys(parsed.env).length === 0}
            onClick={addParsed}
          >
            Add these variables
          </Button>
        </Box>
      )}
    </Box>
  );
}

export function VolumesEditor({ rows, onChange, errors, disabled }: RowsProps<MountRow>) {
  return (
    <Box role="group" aria-label="Volumes">
      {rows.map((m, i) => (
        <Box key={i} sx={rowSx}>
          <TextField
            select
            label="Type"
            value={m.type}
            disabled={disabled}
            sx={{ width: 110 }}
            size="small"
            onChange={(e) =>
              onChange(
                update(rows, i, {
                  type: e.target.value as MountRow['type'],
                  ...(e.target.value === 'tmpfs' ? { source: '' } : {}),
                }),
              )
            }
          >
            <MenuItem value="volume">volume</MenuItem>
            <MenuItem value="bind">bind</MenuItem>
            <MenuItem value="tmpfs">tmpfs</MenuItem>
          </TextField>
          <TextField
            label={m.type === 'bind' ? 'Host path' : 'Volume name'}
            placeholder={m.type === 'volume' ? 'new anonymous volume' : ''}
            value={m.source}
            disabled={disabled || m.type === 'tmpfs'}
            sx={{ flex: 1 }}
            onChange={(e) => onChange(update(rows, i, { source: e.target.value }))}
            {...fieldProps(errors, `volumes.${i}.source`)}
          />
          <TextField
            label="Path in container"
            value={m.target}
            disabled={disabled}
            sx={{ flex: 1 }}
            onChange={(e) => onChange(update(rows, i, { target: e.target.value }))}
            {...fieldProps(errors, `volumes.${i}.target`)}
          />
          <FormControlLabel
            label="Read-only"
            disabled={disabled}
            sx={{ mt: 0.5 }}
            control={
              <Checkbox
                checked={m.readOnly}
                onChange={(e) => onChange(update(rows, i, { readOnly: e.target.checked }))}
              />
            }
          />
          <RemoveButton
            label={`Remove volume row ${i + 1}`}
            disabled={disabled}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </Box>
      ))}
      <Button
        size="small"
        startIcon={<AddIcon />}
        disabled={disabled}
        onClick={() => onChange([...rows, { type: 'volume', source: '', target: '', readOnly: false }])}
      >
        Add volume
      </Button>
    </Box>
  );
}
