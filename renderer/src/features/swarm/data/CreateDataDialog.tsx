import { useMemo, useState } from 'react';
import { Button, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { formatBytes, SWARM_DATA_MAX_BYTES, swarmDataName, type BerthErrorData, type Result, type SwarmDataSummary } from '../../../api/contract';
import { uploadFile } from '../../../api/transfers';
import { DangerDialog } from '../../../components/DangerDialog';
import { parseKeyValues } from '../../../components/keyValues';
import { useUnsavedChanges } from '../../../components/unsaved/useUnsavedChanges';
import { useBerth } from '../../../stores/context';
import { FormDialog } from '../overview/FormDialog';
import { Field } from '../services/fields';
import { ContentField } from './ContentField';
import type { DataKind } from './kinds';

const bytesOf = (text: string) => new TextEncoder().encode(text).length;
const limit = 'less than 500 KiB (512,000 bytes)';

/** "Create secret" / "Create config": a name, typed text or a file from this computer, labels. */
export function CreateDataDialog({ kind, onClose }: { kind: DataKind; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const [name, setName] = useState('');
  const [source, setSource] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [labels, setLabels] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  const typed = name !== '' || text !== '' || labels !== '' || file !== null;
  useUnsavedChanges(typed, `the new ${kind.noun}`);

  const schema = useMemo(() => swarmDataName(kind.noun), [kind.noun]);
  const parsedName = schema.safeParse(name);
  const parsedLabels = parseKeyValues(labels, 'labels');
  const size = source === 'text' ? bytesOf(text) : (file?.size ?? 0);
  const serverField = (error?.details as { field?: string } | undefined)?.field;
  const errors = {
    name: serverField === 'name' ? error?.message : (attempted || name) && !parsedName.success ? parsedName.error.issues[0]?.message : undefined,
    content:
      serverField === 'content'
        ? error?.message
        : size > SWARM_DATA_MAX_BYTES
          ? `Too large: ${formatBytes(size)}; the engine takes ${limit}.`
          : attempted && size === 0
            ? source === 'text'
              ? `Type the ${kind.noun}'s content.`
              : 'Choose a file that is not empty.'
            : undefined,
    labels: 'error' in parsedLabels ? parsedLabels.error : undefined,
  };
  const valid = parsedName.success && !errors.content && !errors.labels && size > 0;

  const submit = async () => {
    setAttempted(true);
    if (!valid || !parsedName.success || 'error' in parsedLabels) return;
    setBusy(true);
    setError(null);
    const params = { name: parsedName.data, labels: parsedLabels.values };
    let r: Result<unknown>;
    if (source === 'text') r = await kind.create(client, { ...params, content: text });
    else {
      const ticket = await kind.createUpload(client, { ...params, size });
      r = ticket.ok && file ? await uploadFile(client, ticket.value, file) : ticket;
    }
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', `Created ${kind.noun} ${(r.value as SwarmDataSummary).name}`);
    onClose();
  };
  const change = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    if (serverField) setError(null);
  };

  return (
    <>
      <FormDialog
        id={`create-${kind.kind}-title`}
        title={`Create ${kind.noun}`}
        submitLabel="Create"
        busy={busy}
        error={error && !serverField ? error : null}
        canSubmit={!errors.name && !errors.content && !errors.labels}
        onSubmit={() => void submit()}
        onClose={() => (typed ? setAskDiscard(true) : onClose())}
      >
        <Field label="Name" value={name} onChange={change(setName)} error={errors.name} required autoFocus help="Letters, digits, '-', '_' and '.'; at most 64 characters." />
        <RadioGroup row aria-label="Content from" value={source} onChange={(e) => change(setSource)(e.target.value as 'text' | 'file')}>
          <FormControlLabel value="text" control={<Radio />} label="Typed text" disabled={busy} />
          <FormControlLabel value="file" control={<Radio />} label="A file from this computer" disabled={busy} />
        </RadioGroup>
        {source === 'text' ? (
          <ContentField
            label={kind.kind === 'secret' ? 'Secret' : 'Content'}
            value={text}
            onChange={change(setText)}
            masked={kind.kind === 'secret'}
            error={errors.content}
            help={`${formatBytes(size)}; ${limit}. ${kind.mountHint}`}
            disabled={busy}
          />
        ) : (
          <>
            <Button variant="outlined" component="label" disabled={busy}>
              {file ? `File: ${file.name} (${formatBytes(file.size)})` : 'Choose a file…'}
              <input hidden type="file" aria-label={`${kind.noun} file`} onChange={(e) => change(setFile)(e.target.files?.[0] ?? null)} />
            </Button>
            <Typography variant="body2" color={errors.content ? 'error' : 'text.secondary'} role={errors.content ? 'alert' : undefined}>
              {errors.content ?? `Any file ${limit}. ${kind.mountHint}`}
            </Typography>
          </>
        )}
        <Field label="Labels" value={labels} onChange={change(setLabels)} error={errors.labels} help="key=value, one per line" multiline />
      </FormDialog>
      {askDiscard && (
        <DangerDialog
          id={`discard-${kind.kind}-title`}
          title="Discard what you typed?"
          lost={`The ${kind.noun} is not created and what you entered is not kept.`}
          confirmLabel="Discard"
          onCancel={() => setAskDiscard(false)}
          onConfirm={() => {
            setAskDiscard(false);
            onClose();
          }}
        />
      )}
    </>
  );
}
