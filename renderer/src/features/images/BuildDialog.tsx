import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { plural, formatBytes } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TaskDialogActions } from '../../components/task/TaskDialogActions';
import { TaskLog } from '../../components/task/TaskLog';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useUploadTask } from '../../components/task/useUploadTask';
import { useBerth } from '../../stores/context';
import { referenceProblem } from './PullDialog';
import { tarOfFolder } from './tar';

/** "KEY=value" lines → build arguments, or the first line that is not one. */
export function parseBuildArgs(text: string): { args: Record<string, string> } | { problem: string } {
  const args: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return { problem: `Line ${i + 1} is not KEY=value.` };
    args[key] = line.slice(eq + 1);
  }
  return { args };
}

type Source = { kind: 'folder'; files: FileList } | { kind: 'archive'; file: File };

/** Build an image from a folder (packed into a tar here, in the browser) or a .tar/.tar.gz context. */
export function BuildDialog({ onClose }: { onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const { task, error, starting, start, reset } = useUploadTask(client);
  const [mode, setMode] = useState<'folder' | 'archive'>('folder');
  const [source, setSource] = useState<Source>();
  const [tag, setTag] = useState('');
  const [dockerfile, setDockerfile] = useState('');
  const [target, setTarget] = useState('');
  const [argsText, setArgsText] = useState('');
  const [noCache, setNoCache] = useState(false);
  const tagProblem = tag.trim() ? referenceProblem(tag) : undefined;
  const args = parseBuildArgs(argsText);
  const argsProblem = 'problem' in args ? args.problem : undefined;
  const canStart = Boolean(source) && tag.trim() !== '' && !tagProblem && !argsProblem;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canStart || !source || 'problem' in args) return;
    const body = () =>
      source.kind === 'folder' ? tarOfFolder(source.files) : Promise.resolve(source.file as Blob);
    void start(body, (blob) =>
      client.call('images.buildUpload', {
        tag: tag.trim(),
        ...(dockerfile.trim() ? { dockerfile: dockerfile.trim() } : {}),
        ...(target.trim() ? { target: target.trim() } : {}),
        ...(Object.keys(args.args).length ? { buildArgs: args.args } : {}),
        ...(noCache ? { noCache } : {}),
        size: blob.size,
      }),
    );
  };

  const sourceLabel = !source
    ? 'Nothing chosen'
    : source.kind === 'folder'
      ? plural(source.files.length, 'file')
      : `${source.file.name} (${formatBytes(source.file.size)})`;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="build-title">
      <DialogTitle id="build-title">Build an image</DialogTitle>
      <form onSubmit={submit} noValidate>
        <DialogContent>
          <fieldset disabled={task !== undefined} style={{ border: 0, margin: 0, padding: 0 }}>
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={mode}
                onChange={(_, m: 'folder' | 'archive' | null) => m && (setMode(m), setSource(undefined))}
                aria-label="Build context"
              >
                <ToggleButton value="folder">Folder</ToggleButton>
                <ToggleButton value="archive">.tar / .tar.gz</ToggleButton>
              </ToggleButtonGroup>
              <Button component="label" variant="outlined" size="small">
                {mode === 'folder' ? 'Choose folder…' : 'Choose archive…'}
                <input
                  hidden
                  type="file"
                  aria-label={mode === 'folder' ? 'Build context folder' : 'Build context archive'}
                  {...(mode === 'folder'
                    ? { webkitdirectory: '', directory: '' }
                    : { accept: '.tar,.tar.gz,.tgz,application/x-tar,application/gzip' })}
                  onChange={(e) => {
                    const files = e.target.files;
                    if (!files?.length) return;
                    const first = files[0];
                    setSource(
                      mode === 'folder' || !first
                        ? { kind: 'folder', files }
                        : { kind: 'archive', file: first },
                    );
                  }}
                />
              </Button>
              <Typography variant="body2" color="text.secondary">
                {sourceLabel}
              </Typography>
            </Box>
            <TextField
              fullWidth
              label="Tag (repository:tag)"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              error={Boolean(tagProblem)}
              helperText={tagProblem ?? ' '}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            <Box sx={{ display: 'flex', gap: 2 }}>
              <TextField
                fullWidth
                label="Dockerfile (path in the context)"
                placeholder="Dockerfile"
                value={dockerfile}
                onChange={(e) => setDockerfile(e.target.value)}
              />
              <TextField
                fullWidth
                label="Target stage"
                placeholder="(last stage)"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            </Box>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label="Build arguments (KEY=value, one per line)"
              value={argsText}
              onChange={(e) => setArgsText(e.target.value)}
              error={Boolean(argsProblem)}
              helperText={argsProblem ?? ' '}
              sx={{ mt: 2 }}
            />
            <FormControlLabel
              control={<Checkbox checked={noCache} onChange={(e) => setNoCache(e.target.checked)} />}
              label="Do not use the build cache"
            />
          </fieldset>
          <ErrorAlert error={error} />
          {task && (
            <>
              <TaskPanel task={task} maxSteps={4} />
              <TaskLog key={task.id} client={client} taskId={task.id} />
            </>
          )}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel="Build"
            canStart={canStart}
            starting={starting}
            onClose={onClose}
            onRetry={reset}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
