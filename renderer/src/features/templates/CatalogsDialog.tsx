import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, TextField, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import RefreshIcon from '@mui/icons-material/Refresh';
import { plural, formatTime, type BerthErrorData, type TemplateCatalog } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';

/**
 * Remote catalogs (Portainer lists by URL), cached for offline use: add one (it is fetched at once, and refused
 * when it cannot be fetched or is not a catalog), refresh it (a failure keeps the cached copy and says why),
 * or remove it with its cached templates.
 */
export function CatalogsDialog({ catalogs, onChanged, onClose }: { catalogs: TemplateCatalog[]; onChanged: () => void; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<BerthErrorData | null>(null);
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [rowError, setRowError] = useState<Record<string, BerthErrorData>>({});
  const [removing, setRemoving] = useState<TemplateCatalog | null>(null);
  const [removeError, setRemoveError] = useState<BerthErrorData | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) return setAddError({ code: 'INVALID_ARGUMENT', message: 'Enter the http:// or https:// address of a Portainer template list.' });
    setAdding(true);
    setAddError(null);
    const r = await client.call('templates.catalogs.add', { url: url.trim(), ...(title.trim() ? { title: title.trim() } : {}) });
    setAdding(false);
    if (!r.ok) return setAddError(r.error);
    setUrl('');
    setTitle('');
    onChanged();
  };

  const refresh = async (c: TemplateCatalog) => {
    setBusy((b) => ({ ...b, [c.id]: true }));
    const r = await client.call('templates.catalogs.refresh', { id: c.id });
    setBusy((b) => ({ ...b, [c.id]: false }));
    setRowError(({ [c.id]: _old, ...rest }) => (r.ok ? rest : { ...rest, [c.id]: r.error }));
    onChanged();
  };

  const remove = async () => {
    if (!removing) return;
    setRemoveError(null);
    const r = await client.call('templates.catalogs.remove', { id: removing.id });
    if (!r.ok) return setRemoveError(r.error);
    setRemoving(null);
    onChanged();
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="catalogs-title">
      <DialogTitle id="catalogs-title">Remote catalogs</DialogTitle>
      <DialogContent>
        {catalogs.length === 0 ? (
          <Typography color="text.secondary">No remote catalogs yet. Add a Portainer template list by its address; Berth keeps a copy, so its templates work offline.</Typography>
        ) : (
          <List aria-label="Catalogs">
            {catalogs.map((c) => (
              <ListItem key={c.id} aria-label={c.title} disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography sx={{ fontWeight: 500 }}>{c.title}</Typography>
                    <Typography variant="body2" color="text.secondary" noWrap title={c.url}>
                      {c.url}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {c.templates} templates{c.fetchedAt ? ` · fetched ${formatTime(c.fetchedAt)}` : ''}
                      {c.problems.length > 0 ? ` · ${plural(c.problems.length, 'entry', 'entries')} not converted` : ''}
                    </Typography>
                  </Box>
                  <Tooltip title="Fetch the list again">
                    <span>
                      <IconButton aria-label={`Refresh ${c.title}`} disabled={busy[c.id]} onClick={() => void refresh(c)}>
                        {busy[c.id] ? <CircularProgress size={18} /> : <RefreshIcon />}
                      </IconButton>
                    </span>
                  </Tooltip>
                  <IconButton aria-label={`Remove ${c.title}`} color="error" onClick={() => setRemoving(c)}>
                    <DeleteIcon />
                  </IconButton>
                </Box>
                {c.error && (
                  <Alert severity="warning" sx={{ mb: 1 }}>
                    The last refresh failed: {c.error}.{' '}
                    {c.fetchedAt ? `The copy fetched ${formatTime(c.fetchedAt)} is still used.` : 'There is no cached copy yet.'}
                  </Alert>
                )}
                <ErrorAlert error={c.error ? null : rowError[c.id]} sx={{ mt: 1, mb: 1 }} />
                {c.problems.length > 0 && (
                  <Box component="details" sx={{ mb: 1, fontSize: 14 }}>
                    <summary>Entries not converted</summary>
                    <ul>
                      {c.problems.map((p, i) => (
                        <li key={i}>
                          {p.item}: {p.message}
                        </li>
                      ))}
                    </ul>
                  </Box>
                )}
              </ListItem>
            ))}
          </List>
        )}
        <Box component="form" onSubmit={(e) => void add(e)} aria-label="Add a catalog" sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField size="small" label="Catalog address" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/templates.json" sx={{ flex: 2, minWidth: 280 }} />
          <TextField size="small" label="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} sx={{ flex: 1, minWidth: 160 }} />
          <Button type="submit" variant="contained" disabled={adding} startIcon={adding ? <CircularProgress size={16} color="inherit" /> : undefined}>
            Add catalog
          </Button>
        </Box>
        <ErrorAlert error={addError} sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
      {removing && (
        <DangerDialog
          id="remove-catalog"
          title={`Remove the catalog ${removing.title}?`}
          lost={`Its ${removing.templates} cached templates leave the catalog. Apps you deployed from them keep running, and templates you imported into your library stay.`}
          confirmLabel="Remove"
          error={removeError}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </Dialog>
  );
}
