import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';

interface Props {
  fileName: string;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}

/** Someone (an editor, git) changed the file since it was opened: never overwrite that silently. */
export function ConflictDialog({ fileName, onReload, onOverwrite, onCancel }: Props) {
  return (
    <Dialog open onClose={onCancel} aria-labelledby="conflict-title" maxWidth="sm" fullWidth>
      <DialogTitle id="conflict-title">{fileName} changed on disk</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The file was changed by something else since you opened it. Reload to see that version (your unsaved
          changes here are discarded), or overwrite it with your version (the other changes are lost).
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Keep editing
        </Button>
        <Button onClick={onReload}>Reload from disk</Button>
        <Button color="error" variant="contained" onClick={onOverwrite}>
          Overwrite
        </Button>
      </DialogActions>
    </Dialog>
  );
}
