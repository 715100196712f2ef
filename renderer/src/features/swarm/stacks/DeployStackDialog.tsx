import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { deployStackName, type BerthErrorData, type StackPreview } from '../../../api/contract';
import { CodeEditor } from '../../../components/editor/CodeEditor';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { TaskDialogActions } from '../../../components/task/TaskDialogActions';
import { TaskPanel } from '../../../components/task/TaskPanel';
import { useTaskInfo } from '../../../components/task/useTaskInfo';
import { useBerth } from '../../../stores/context';
import { StackPreviewList } from './StackPreviewList';

const EXAMPLE = `services:
  web:
    image: nginx:alpine
    ports: ["8080:80"]
    deploy:
      replicas: 2
`;

/** `KEY=value` lines → the environment `${VAR}` interpolation sees; blank lines and # comments are skipped. */
export function parseEnvLines(text: string): { env: Record<string, string>; problem?: string } {
  const env: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return { env, problem: `Line ${i + 1}: "${key}" is not a variable name (KEY=value)` };
    env[key] = eq < 0 ? '' : line.slice(eq + 1);
  }
  return { env };
}

export interface DeployStackProps {
  /** Updating a stack: its name (fixed) and the file it was last deployed with, when Berth knows it. */
  stack?: { name: string; compose?: string | undefined };
  onClose: () => void;
}

/**
 * Deploy a compose file as a swarm stack (or update one): name, the YAML in the editor (typed or opened from a
 * file), its environment, a live preview of what will be created and which fields Swarm ignores, then the
 * deploy task's progress.
 */
export function DeployStackDialog({ stack, onClose }: DeployStackProps) {
  const client = useBerth((s) => s.client);
  const [name, setName] = useState(stack?.name ?? '');
  const [text, setText] = useState(stack?.compose ?? (stack ? '' : EXAMPLE));
  const [envText, setEnvText] = useState('');
  const [prune, setPrune] = useState(false);
  const [answer, setAnswer] = useState<{ key: string; preview: StackPreview | null; error: BerthErrorData | null } | null>(null);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [starting, setStarting] = useState(false);
  const [taskId, setTaskId] = useState<string>();
  const task = useTaskInfo(taskId);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameCheck = deployStackName.safeParse(name);
  const nameProblem = name && !nameCheck.success ? nameCheck.error.issues[0]?.message : undefined;
  const { env, problem: envProblem } = parseEnvLines(envText);
  const envKey = JSON.stringify(env);

  // The preview follows the text, debounced: what will be created, and the fields Swarm ignores. An answer is
  // shown only while it is about the current input (its key).
  const previewKey = nameCheck.success && text.trim() && !envProblem ? JSON.stringify([name, text, envKey]) : '';
  useEffect(() => {
    if (!previewKey) return;
    let live = true;
    const timer = setTimeout(() => {
      const [n, content, e] = JSON.parse(previewKey) as [string, string, string];
      void client.call('stacks.preview', { name: n, source: { content, env: JSON.parse(e) as Record<string, string> } }).then((r) => {
        if (live) setAnswer({ key: previewKey, preview: r.ok ? r.value : null, error: r.ok ? null : r.error });
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, previewKey]);
  const current = answer?.key === previewKey && previewKey ? answer : undefined;
  const preview = current?.preview ?? null;
  const previewError = current?.error ?? null;

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!nameCheck.success || envProblem || starting) return;
    setStarting(true);
    setError(null);
    const r = await client.call('stacks.deploy', { name, source: { content: text, env }, prune });
    setStarting(false);
    if (r.ok) setTaskId(r.value.taskId);
    else setError(r.error);
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (!name && !stack) setName(file.name.replace(/\.(ya?ml)$/i, '').replace(/^(docker-)?compose$/, '').toLowerCase().replace(/[^a-z0-9_-]/g, '-'));
  };

  const locked = task !== undefined;
  // Escape or a click outside never throws typed input away: once edited, only Cancel closes the dialog.
  const edited = text !== (stack?.compose ?? (stack ? '' : EXAMPLE)) || envText !== '' || (!stack && name !== '');
  return (
    <Dialog open onClose={locked || edited ? undefined : onClose} maxWidth="lg" fullWidth aria-labelledby="deploy-stack-title">
      <DialogTitle id="deploy-stack-title">{stack ? `Update stack ${stack.name}` : 'Deploy a stack'}</DialogTitle>
      <form onSubmit={(e) => void start(e)} noValidate>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TextField
              label="Stack name"
              value={name}
              disabled={Boolean(stack) || locked}
              autoFocus={!stack}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(nameProblem)}
              helperText={nameProblem ?? 'Every object is named <stack>_<name>, as docker stack deploy does'}
              slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
              sx={{ minWidth: 260 }}
            />
            <Button startIcon={<UploadFileIcon />} disabled={locked} onClick={() => fileInput.current?.click()} sx={{ mt: 1 }}>
              Open a compose file
            </Button>
            <input ref={fileInput} type="file" accept=".yml,.yaml,text/yaml" hidden aria-label="Compose file" onChange={(e) => void openFile(e.target.files?.[0])} />
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={prune} disabled={locked} onChange={(e) => setPrune(e.target.checked)} />}
              label="Remove services no longer in the file (prune)"
            />
          </Box>
          {stack && stack.compose === undefined && (
            <Alert severity="info">This stack was not deployed by Berth, so its file is not known here: paste or open the file to update it.</Alert>
          )}
          <Box sx={{ height: 300, border: 1, borderColor: 'divider' }}>
            <CodeEditor value={text} onChange={locked ? undefined : setText} readOnly={locked} language="yaml" schema="compose" path={`stack://${name || 'new'}/compose.yaml`} ariaLabel="Stack file" height="100%" />
          </Box>
          <TextField
            label="Environment (KEY=value per line, for ${VAR} and secrets from environment:)"
            value={envText}
            disabled={locked}
            onChange={(e) => setEnvText(e.target.value)}
            multiline
            minRows={2}
            error={Boolean(envProblem)}
            helperText={envProblem ?? 'Only these variables are seen; Berth’s own environment is not used'}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {previewError && (
            <Alert severity="error" aria-label="Problems in the stack file">
              {previewError.message}
              <ErrorDetails details={previewError.details} />
            </Alert>
          )}
          {preview && !task && <StackPreviewList preview={preview} />}
          <ErrorAlert error={error} />
          {task && <TaskPanel task={task} />}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel={stack ? 'Update' : 'Deploy'}
            canStart={nameCheck.success && text.trim() !== '' && !envProblem && !previewError}
            starting={starting}
            onClose={onClose}
            onRetry={() => setTaskId(undefined)}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
