import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { parseImageReference, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import type { ImageRow } from './view';

/** "repo:tag" → the repository and tag to send, or why it is not valid. */
export function splitNewName(value: string): { repo: string; tag: string } | { problem: string } {
  const parsed = parseImageReference(value);
  if (!parsed.ok) return { problem: `Not a valid name: ${parsed.reason}.` };
  if (parsed.ref.digest) return { problem: 'A new name cannot have a digest; use repository:tag.' };
  const repo = parsed.ref.domain ? `${parsed.ref.domain}/${parsed.ref.path}` : parsed.ref.path;
  return { repo, tag: parsed.ref.tag ?? 'latest' };
}

/** Give an image another name (repository:tag), e.g. to push it to a registry. */
export function TagDialog({ row, onClose }: { row: ImageRow; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const split = splitNewName(value);
  const problem = value.trim() && 'problem' in split ? split.problem : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ('problem' in split || busy) return;
    setBusy(true);
    const result = await client.call('images.tag', { source: row.id, repo: split.repo, tag: split.tag });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="tag-title">
      <DialogTitle id="tag-title">Tag {row.name === '<none>' ? row.shortId : row.name}</DialogTitle>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogContent>
          <DialogContentText gutterBottom>
            The new name points at the same image; nothing is copied. To push to a registry, start the name
            with its host, e.g. <code>127.0.0.1:5000/team/app:1</code>.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label="New name (repository:tag)"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
            error={Boolean(problem)}
            helperText={problem ?? ' '}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
          />
          <ErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy || !value.trim() || Boolean(problem)}>
            Tag
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
