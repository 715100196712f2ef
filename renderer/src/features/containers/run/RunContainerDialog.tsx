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
import { auditInputFromSpec, type BerthErrorData, type ContainerSpec } from '../../../api/contract';
import { DangerDialog } from '../../../components/DangerDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { useUnsavedChanges } from '../../../components/unsaved/useUnsavedChanges';
import { useBerth } from '../../../stores/context';
import {
  changesFromForm,
  emptyForm,
  fieldErrorsFromIssues,
  formFromSpec,
  validateForm,
  type FieldErrors,
  type SpecForm,
  specInputFromForm,
} from './specForm';
import { BasicFields, sectionOf, SettingsSections } from './SpecSections';
import { useEngineChoices } from './useEngineChoices';
import { SettingWarnings } from '../../security/SettingWarnings';
import { useHostPowerDenials } from '../../../components/access';
import { HostPowerNotice } from '../../../components/HostPowerNotice';

/** `initial`: a run form prefilled by the caller (e.g. from an image's exposed ports, env and volumes). */
export type RunDialogMode = { kind: 'run'; initial?: SpecForm } | { kind: 'edit'; id: string; name: string };

interface Props {
  mode: RunDialogMode;
  onClose: () => void;
  /** The container that now runs (a new ID after an edit). */
  onDone: (container: { id: string; name: string }, message: string) => void;
}

/** Errors the engine reports about one setting, placed on that field (the port row, the name). */
function serverFieldErrors(error: BerthErrorData, form: SpecForm): FieldErrors {
  const d = error.details;
  if (Array.isArray(d)) {
    const issues = d.flatMap((i: { path?: unknown; message?: unknown }) =>
      typeof i.path === 'string' && typeof i.message === 'string'
        ? [{ path: i.path.split('.'), message: i.message }]
        : [],
    );
    const prefix = issues.some((i) => i.path[0] === 'spec' || i.path[0] === 'changes') ? 1 : 0;
    return fieldErrorsFromIssues(
      issues.map((i) => ({ ...i, path: i.path.slice(prefix) })),
      form,
    );
  }
  const info = (d ?? {}) as { field?: unknown; hostPort?: unknown; container?: unknown };
  if (info.field === 'ports' && typeof info.hostPort === 'number') {
    const row = form.ports.findIndex((p) => p.hostPort.trim() === String(info.hostPort));
    const holder = typeof info.container === 'string' ? info.container : undefined;
    if (row >= 0)
      return {
        [`ports.${row}.hostPort`]: holder
          ? `Port ${info.hostPort} is published by container ${holder}`
          : `Port ${info.hostPort} is already in use on the host`,
      };
  }
  if (error.code === 'CONFLICT' && /name/.test(error.message)) return { name: 'This name is already taken' };
  if (error.code === 'NOT_FOUND' && /^Image /.test(error.message)) return { image: 'Not on this engine' };
  return {};
}

/**
 * "Run a container" and "Edit settings…": one form. Validation runs the contract's schema as you type (after
 * the first attempt); engine errors appear at the top and on the field they concern, with everything kept.
 */
export function RunContainerDialog({ mode, onClose, onDone }: Props) {
  const client = useBerth((s) => s.client);
  const choices = useEngineChoices(client);
  const editing = mode.kind === 'edit';
  const start = mode.kind === 'run' ? mode.initial : undefined;
  const [form, setForm] = useState<SpecForm>(() => start ?? emptyForm());
  // What the form started from (empty, prefilled, or the container's settings): typed input is what differs from it.
  const [baseline, setBaseline] = useState<SpecForm>(() => start ?? emptyForm());
  const [askDiscard, setAskDiscard] = useState(false);
  const [current, setCurrent] = useState<ContainerSpec | null>(null);
  const [loadError, setLoadError] = useState<BerthErrorData | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ error: BerthErrorData; fields: FieldErrors } | null>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});

  const editId = mode.kind === 'edit' ? mode.id : undefined;
  useEffect(() => {
    if (!editId) return;
    let live = true;
    void client.call('containers.spec', { id: editId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setCurrent(r.value);
        setForm(formFromSpec(r.value));
        setBaseline(formFromSpec(r.value));
      } else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, editId]);

  const local = useMemo(
    () => (editing && current ? changesFromForm(form, current) : validateForm(form)),
    [form, editing, current],
  );
  // The security lens's rules on what the form asks for, as typed (even while other fields are still invalid).
  const auditInput = useMemo(() => auditInputFromSpec(specInputFromForm(form).input), [form]);
  // What the server refuses below admin (host power), told before Run: in an edit, only what the changes add.
  const powerInput = useMemo(
    () => (editing ? ('changes' in local && local.changes ? auditInputFromSpec({ volumes: local.changes.volumes ?? [] }) : undefined) : auditInput),
    [editing, local, auditInput],
  );
  const denials = useHostPowerDenials(
    useMemo(() => (powerInput ? [{ what: mode.kind === 'edit' ? `${mode.name} with these changes` : 'This container', input: powerInput }] : []), [powerInput, mode]),
  );
  const nameProblem = form.name !== '' ? local.errors.name : undefined;
  const errors: FieldErrors = {
    ...(attempted ? local.errors : nameProblem ? { name: nameProblem } : {}),
    ...(serverError?.fields ?? {}),
  };
  const errorSections = new Set(Object.keys(errors).map(sectionOf));
  const noChanges =
    editing && 'changes' in local && local.changes !== undefined && Object.keys(local.changes).length === 0;

  const typed = useMemo(() => JSON.stringify(form) !== JSON.stringify(baseline), [form, baseline]);
  useUnsavedChanges(typed, mode.kind === 'edit' ? `the new settings of ${mode.name}` : 'the run form');
  // Escape or a click outside is easy to do by accident: typed input is only dropped when the user says so.
  const dismiss = () => (typed ? setAskDiscard(true) : onClose());

  const set = (patch: Partial<SpecForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // The engine's complaint was about the old values; the field is being fixed.
    setServerError((e) => (e ? { ...e, fields: {} } : e));
  };

  const submit = async () => {
    setAttempted(true);
    if (Object.keys(local.errors).length) return;
    setBusy(true);
    setServerError(null);
    if (mode.kind === 'edit') {
      const changes = 'changes' in local ? local.changes : undefined;
      if (!changes) return setBusy(false);
      const r = await client.call('containers.recreate', { id: mode.id, changes });
      setBusy(false);
      if (r.ok)
        onDone(
          { id: r.value.id, name: r.value.name },
          `Recreated ${r.value.name} with new ${r.value.changed.join(', ')}`,
        );
      else setServerError({ error: r.error, fields: serverFieldErrors(r.error, form) });
      return;
    }
    const spec = 'spec' in local ? local.spec : undefined;
    if (!spec) return setBusy(false);
    const r = await client.call('containers.create', { spec, start: true });
    setBusy(false);
    if (r.ok) onDone({ id: r.value.id, name: r.value.name }, `Started ${r.value.name}`);
    else setServerError({ error: r.error, fields: serverFieldErrors(r.error, form) });
  };

  const sectionProps = {
    form,
    set,
    errors,
    choices,
    editing,
    expanded: {
      ...Object.fromEntries([...errorSections].map((s): [string, boolean] => [s, true])),
      ...expanded,
    },
    onExpand: (section: string, open: boolean) => setExpanded((e) => ({ ...e, [section]: open })),
  };
  const title = mode.kind === 'edit' ? `Edit settings of ${mode.name}` : 'Run a container';
  const localCount = attempted ? Object.keys(local.errors).length : 0;

  return (
    <Dialog
      open
      onClose={busy ? undefined : dismiss}
      aria-labelledby="run-dialog-title"
      maxWidth="md"
      fullWidth
      scroll="paper"
    >
      <DialogTitle id="run-dialog-title">{title}</DialogTitle>
      <DialogContent dividers>
        {editing && (
          <Alert severity="info" sx={{ mb: 2 }}>
            The engine cannot change these settings on an existing container, so Berth recreates it: it stops{' '}
            {mode.kind === 'edit' ? mode.name : ''}, makes a new container with the same name, labels, networks
            and volumes plus your changes (a new image brings its own defaults for what the old image set), starts it if it was running, and removes the old
            one only once the new one runs. Data in volumes is kept; files changed inside the container
            outside volumes are lost. If anything fails, the old container comes back as it was.
          </Alert>
        )}
        {serverError && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {serverError.error.message}
            <ErrorDetails details={serverError.error.details} />
          </Alert>
        )}
        {localCount > 0 && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {localCount === 1 ? 'One setting needs fixing' : `${localCount} settings need fixing`}: see the
            highlighted fields.
          </Alert>
        )}
        {loadError ? (
          <Alert severity="error">
            Could not read the container's settings: {loadError.message}
            <ErrorDetails details={loadError.details} />
          </Alert>
        ) : editing && !current ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }} role="status">
            <CircularProgress size={18} /> Reading the container's settings…
          </Box>
        ) : (
          <Box
            component="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}
          >
            <BasicFields {...sectionProps} />
            <SettingsSections {...sectionProps} />
            <SettingWarnings input={auditInput} />
            <HostPowerNotice denials={denials} />
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
          disabled={busy || loadError !== null || denials.length > 0 || (editing && (!current || noChanges))}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {busy ? (editing ? 'Recreating…' : 'Starting…') : editing ? 'Recreate with changes' : 'Run'}
        </Button>
      </DialogActions>
      {askDiscard && (
        <DangerDialog
          id="run-discard-title"
          title="Discard what you typed?"
          lost={editing ? 'The changes you made to these settings are not applied and not kept.' : 'The settings you entered for this container are not kept.'}
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
