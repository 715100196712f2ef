import type { ReactNode } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel } from '@mui/material';

interface Props {
  /** Unique per dialog kind: names the title for assistive technology. */
  id: string;
  title: string;
  /** What is lost, in plain words. */
  lost: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra choices (checkboxes, warnings) under the text. */
  children?: ReactNode;
}

/** A confirmation for something destructive: says what is lost; Cancel has the focus, the action is red. */
export function DangerDialog({ id, title, lost, confirmLabel, onConfirm, onCancel, children }: Props) {
  return (
    <Dialog open onClose={onCancel} aria-labelledby={id} maxWidth="sm" fullWidth>
      <DialogTitle id={id}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{lost}</DialogContentText>
        {children}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** One labelled checkbox of a dialog's options. */
export function CheckOption({ checked, onChange, label }: { checked: boolean; onChange: (on: boolean) => void; label: ReactNode }) {
  return <FormControlLabel control={<Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} />} label={label} />;
}
