import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@mui/material';
import type { BerthErrorData } from '../../../api/contract';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useUnsavedChanges } from '../../../components/unsaved/useUnsavedChanges';
import { useBerth } from '../../../stores/context';
import type { FieldErrors } from '../errors';
import { draftFromSpec, emptyDraft, type Kept, type ServiceDraft } from './draft';
import { BasicFields } from './FormParts';
import { FormSections } from './FormSections';
import { serverFieldErrors, validateDraft } from './spec';

export type ServiceDialogMode = { kind: 'create' } | { kind: 'edit'; id: string; name: string };

/** The top-level form key an error key belongs to ("ports.0.target" → "ports", "update.delaySeconds" → "update"). */
const topKey = (key: string) => key.split('.')[0] as keyof ServiceDraft;

/**
 * "Create service" and "Edit service": one form over the contract's service spec. The schema checks each field
 * once it was changed (everything after the first attempt); engine refusals land on the field they concern.
 */
export function ServiceDialog({ mode, onClose }: { mode: ServiceDialogMode; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const editing = mode.kind === 'edit';
  const [baseline, setBaseline] = useState<ServiceDraft>(emptyDraft);
  const [draft, setDraft] = useState<ServiceDraft>(emptyDraft);
  const [kept, setKept] = useState<Kept>({});
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(editing);
  const [loadError, setLoadError] = useState<BerthErrorData | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState<{ error: BerthErrorData; fields: FieldErrors } | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  const editId = mode.kind === 'edit' ? mode.id : null;

  useEffect(() => {
    if (!editId) return;
    let current = true;
    void client.call('services.inspect', { id: editId }).then((r) => {
      if (!current) return;
      setLoading(false);
      if (!r.ok) return setLoadError(r.error);
      const { draft: d, kept: k } = draftFromSpec(r.value.spec);
      setBaseline(d);
      setDraft(d);
      setKept(k);
      setVersion(r.value.version);
    });
    return () => {
      current = false;
    };
  }, [client, editId]);

  const local = useMemo(() => validateDraft(draft, kept), [draft, kept]);
  const changed = (key: string) =>
    JSON.stringify(draft[topKey(key)]) !== JSON.stringify(baseline[topKey(key)]);
  const shown: FieldErrors = {
    ...Object.fromEntries(Object.entries(local.errors).filter(([k]) => attempted || changed(k))),
    ...(server?.fields ?? {}),
  };
  const typed = JSON.stringify(draft) !== JSON.stringify(baseline);
  useUnsavedChanges(typed, editing ? `the changes to service ${mode.name}` : 'the new service form');

  const set = (patch: Partial<ServiceDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // The engine's complaint concerned the old values; keep the message at the top, drop it from the fields.
    setServer((s) => (s ? { ...s, fields: {} } : s));
  };

  const submit = async () => {
    setAttempted(true);
    if (!local.spec) return;
    setBusy(true);
    setServer(null);
    const r =
      mode.kind === 'edit'
        ? await client.call('services.update', {
            id: mode.id,
            spec: local.spec,
            ...(version !== undefined ? { version } : {}),
          })
        : await client.call('services.create', { spec: local.spec });
    setBusy(false);
    if (!r.ok) return setServer({ error: r.error, fields: serverFieldErrors(r.error, draft) });
    notify('success', editing ? `Updating service ${r.value.name}` : `Created service ${r.value.name}`);
    onClose();
  };

  const count = attempted ? Object.keys(local.errors).length : 0;
  const title = mode.kind === 'edit' ? `Edit service ${mode.name}` : 'Create service';
  return (
    <Dialog
      open
      onClose={busy ? undefined : () => (typed ? setAskDiscard(true) : onClose())}
      aria-labelledby="service-dialog-title"
      maxWidth="md"
      fullWidth
      scroll="paper"
    >
      <DialogTitle id="service-dialog-title">{title}</DialogTitle>
      <DialogContent dividers>
        {server && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {server.error.message}
            <ErrorDetails details={server.error.details} />
          </Alert>
        )}
        {count > 0 && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {count === 1 ? 'One setting needs fixing' : `${count} settings need fixing`}: see the highlighted
            fields.
          </Alert>
        )}
        {loadError ? (
          <Alert severity="error">
            Could not read the service's settings: {loadError.message}
            <ErrorDetails details={loadError.details} />
          </Alert>
        ) : loading ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }} role="status">
            <CircularProgress size={18} /> Reading the service's settings…
          </Box>
        ) : (
          <Box
            component="form"
            noValidate
            aria-label={title}
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}
          >
            <BasicFields draft={draft} set={set} errors={shown} editing={editing} />
            <FormSections draft={draft} set={set} errors={shown} editing={editing} />
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={() => void submit()}
          disabled={busy || loading || loadError !== null || (editing && !typed)}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {editing ? 'Update service' : 'Create'}
        </Button>
      </DialogActions>
      {askDiscard && (
        <DangerDialog
          id="service-discard-title"
          title="Discard what you typed?"
          lost={
            editing
              ? 'Your changes to this service are not applied.'
              : 'The settings you entered for this service are not kept.'
          }
          confirmLabel="Discard"
          onCancel={() => setAskDiscard(false)}
          onConfirm={() => {
            setAskDiscard(false);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}
