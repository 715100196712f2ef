import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import DeleteIcon from '@mui/icons-material/Delete';
import type { BerthErrorData, DockerConfigImport, RegistryInfo } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { useBerth } from '../../stores/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RegistryFormDialog } from './RegistryFormDialog';

const loginOf = (r: RegistryInfo) =>
  [r.host, r.username ? `as ${r.username}${r.hasPassword ? '' : ' (no password)'}` : 'no login', r.insecure ? 'insecure' : '', r.hasCa ? 'own CA' : '']
    .filter(Boolean)
    .join(' · ');

/** The saved registries: add, edit, remove, and import the logins of the Docker CLI. */
export function RegistrySettingsDialog({ registries, onChanged, onClose }: { registries: RegistryInfo[]; onChanged: () => void; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [editing, setEditing] = useState<RegistryInfo | 'new' | null>(null);
  const [removing, setRemoving] = useState<RegistryInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [imported, setImported] = useState<DockerConfigImport | null>(null);

  const remove = async (r: RegistryInfo) => {
    setBusy(true);
    setError(null);
    const result = await client.call('registries.remove', { id: r.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setRemoving(null);
    onChanged();
  };

  const importLogins = async () => {
    setBusy(true);
    setError(null);
    setImported(null);
    const result = await client.call('registries.importDockerConfig', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setImported(result.value);
    onChanged();
  };

  return (
    <>
      <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="registry-settings-title">
        <DialogTitle id="registry-settings-title">Registries</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            Logins are stored encrypted on this machine and used for searches, pulls and pushes. Passwords are never shown again.
          </Typography>
          <List aria-label="Saved registries">
            {registries.map((r) => (
              <ListItem
                key={r.id}
                divider
                secondaryAction={
                  <>
                    <Tooltip title={`Edit ${r.name}`}>
                      <IconButton aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                        <EditIcon />
                      </IconButton>
                    </Tooltip>
                    {!r.builtIn && (
                      <Tooltip title={`Remove ${r.name}`}>
                        <IconButton aria-label={`Remove ${r.name}`} onClick={() => setRemoving(r)}>
                          <DeleteIcon />
                        </IconButton>
                      </Tooltip>
                    )}
                  </>
                }
              >
                <ListItemText primary={r.name} secondary={loginOf(r)} />
              </ListItem>
            ))}
          </List>
          {registries.every((r) => r.builtIn) && <Typography sx={{ mt: 1 }}>Only Docker Hub so far. Add your own registry, or import the logins the docker CLI already has.</Typography>}
          {imported && (
            <Alert severity={imported.imported.length ? 'success' : 'info'} sx={{ mt: 1 }}>
              {imported.imported.length ? `Imported: ${imported.imported.map((r) => r.host).join(', ')}.` : 'Nothing new to import from ~/.docker/config.json.'}
              {imported.skipped.length > 0 && (
                <List dense aria-label="Skipped logins">
                  {imported.skipped.map((s) => (
                    <ListItem key={s.host} disableGutters>
                      <ListItemText primary={`Skipped ${s.host}`} secondary={s.reason} />
                    </ListItem>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <ErrorAlert error={removing ? null : error} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void importLogins()} disabled={busy} sx={{ mr: 'auto' }}>
            Import from Docker CLI
          </Button>
          <Button onClick={() => setEditing('new')}>Add registry</Button>
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      </Dialog>
      {editing && (
        <RegistryFormDialog
          saved={editing === 'new' ? undefined : editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) onChanged();
          }}
        />
      )}
      {removing && (
        <DangerDialog
          id="remove-registry-title"
          title={`Remove ${removing.name}?`}
          lost={`Berth forgets ${removing.host} and its stored login. Images pulled from it stay.`}
          confirmLabel="Remove registry"
          busy={busy}
          error={error}
          onConfirm={() => void remove(removing)}
          onCancel={() => {
            setRemoving(null);
            setError(null);
          }}
        />
      )}
    </>
  );
}
