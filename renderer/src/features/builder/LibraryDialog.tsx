import { useMemo, useState } from 'react';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Link, TextField } from '@mui/material';
import type { BerthErrorData } from '../../api/contract';
import { useHostPowerDenials } from '../../components/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HostPowerNotice } from '../../components/HostPowerNotice';
import { useBerth } from '../../stores/context';
import { useTaskAction } from '../../stores/tasksList';
import { TaskProgress } from '../compose/TaskProgress';
import { useBuilderStore } from './builderStore';
import { parseBuilder } from './model/derive';
import { editText } from './model/document';
import { asTemplate, parameterRefs, templateTitle } from './model/template';
import { deployItemsOf } from '../../components/deployItems';

export type LibraryMode = 'save' | 'deploy';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const PROJECT = /^[a-z0-9][a-z0-9_-]{0,199}$/;
const slugOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '').slice(0, 100);

/**
 * Save as template (into the library) or Deploy (save, then deploy the template as a compose project with the
 * parameters' values, showing the task's progress and where the app is under Compose).
 */
export function LibraryDialog({ mode, onClose }: { mode: LibraryMode; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const store = useBuilderStore();
  const initial = useMemo(() => {
    const r = parseBuilder(store.getState().text);
    return r.ok ? { title: templateTitle(r.doc) ?? '', params: parameterRefs(r.doc) } : { title: '', params: [] };
  }, [store]);
  const [title, setTitle] = useState(initial.title || 'My app');
  const [project, setProject] = useState(slugOf(initial.title || 'my-app').replace(/[.]/g, '-'));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(initial.params.map((p) => [p.name, p.default ?? ''])));
  const [overwrite, setOverwrite] = useState(store.getState().source === `library/${slugOf(title)}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthErrorData>();
  const [done, setDone] = useState<{ id: string; taskId?: string; projectName?: string }>();
  const task = useBerth((s) => (done?.taskId ? s.tasks.items[done.taskId] : undefined));
  const taskAction = useTaskAction();
  const name = slugOf(title);
  const nameError = SLUG.test(name) ? undefined : 'The title needs a letter or digit';
  // An operator is told before deploying what the server would refuse (host power); saving stays possible.
  const items = useMemo(() => (mode === 'deploy' ? deployItemsOf(store.getState().text) : []), [mode, store]);
  const denials = useHostPowerDenials(items);
  const projectError = mode === 'deploy' && !PROJECT.test(project) ? 'Lowercase letters, digits, "-" and "_", starting with a letter or digit' : undefined;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const { text, setText, markSaved } = store.getState();
    const templated = editText(text, (doc) => asTemplate(doc, title.trim()));
    const saved = await client.call('templates.import', { source: { text: templated, fileName: 'compose.yaml' }, name, overwrite });
    const id = saved.ok ? saved.value.imported[0]?.id : undefined;
    if (!saved.ok || !id) {
      setBusy(false);
      setError(saved.ok ? { code: 'INTERNAL', message: 'The library did not store the template' } : saved.error);
      return;
    }
    setText(templated, 'template');
    markSaved(id);
    if (mode === 'save') {
      setBusy(false);
      setDone({ id });
      return;
    }
    const deployed = await client.call('templates.deploy', { id, values, projectName: project, target: 'compose' });
    setBusy(false);
    if (!deployed.ok) setError(deployed.error);
    else setDone({ id, taskId: deployed.value.taskId, projectName: deployed.value.projectName });
  };

  const verb = mode === 'save' ? 'Save as template' : 'Deploy';
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="builder-library-title">
      <DialogTitle id="builder-library-title">{verb}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField size="small" label="Template title" value={title} onChange={(e) => setTitle(e.target.value)} error={!!nameError} helperText={nameError ?? `Saved in your library as library/${name}`} disabled={!!done} />
        <FormControlLabel control={<Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} disabled={!!done} />} label={`Replace library/${name} if it exists`} />
        {mode === 'deploy' && (
          <>
            <TextField size="small" label="Project name" value={project} onChange={(e) => setProject(e.target.value)} error={!!projectError} helperText={projectError ?? 'The app appears under Compose with this name'} disabled={!!done} />
            {initial.params.map((p) => (
              <TextField key={p.name} size="small" label={p.name} required={p.required || p.default === undefined} value={values[p.name] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))} disabled={!!done} helperText={`Parameter \${${p.name}}`} />
            ))}
          </>
        )}
        {!done && <HostPowerNotice denials={denials} />}
        <ErrorAlert error={error} />
        {done && mode === 'save' && <Alert severity="success">Saved as {done.id}. It is in the Templates catalog and can be exported and shared.</Alert>}
        {task && <TaskProgress task={task} onCancel={() => void taskAction(task.id, 'cancel')} onClose={onClose} />}
        {done?.projectName && (
          <Box>
            <Link href={`#/compose/${encodeURIComponent(done.projectName)}`}>Open {done.projectName} under Compose</Link>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button variant="contained" onClick={() => void submit()} disabled={busy || !!nameError || !!projectError || denials.length > 0}>
            {busy ? `${verb}…` : verb}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
