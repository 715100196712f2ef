import { useMemo, useState, type FormEvent } from 'react';
import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { parseImageReference, registryOf, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TaskDialogActions } from '../../components/task/TaskDialogActions';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useTaskInfo } from '../../components/task/useTaskInfo';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { planPush, suggestedName, type PushTarget } from './pushTarget';
import type { ImageRow } from './view';

const AS_NAMED = 'name';

/**
 * Push a local image, with per-layer progress: by one of its names to the registry that name points at, or to a
 * saved registry under a repository and tag the user chooses (Berth tags the image with that name first). The
 * registry's saved login is used by the push. Without `row` the dialog offers every named local image.
 */
export function PushDialog({ row, onClose }: { row?: ImageRow; onClose: () => void }) {
  const client = useBerth((s) => s.client);
  const images = useBerth((s) => s.images.items);
  const registries = useCall(client, 'registries.list', {});
  const choices = useMemo(
    () => (row ? (row.repoTags.length ? row.repoTags : [row.id]) : Object.values(images).flatMap((i) => i.repoTags).sort()),
    [row, images],
  );
  const first = choices[0] ?? '';
  const [target, setTarget] = useState<PushTarget>(() => ({
    image: first,
    registry: row?.repoTags.length ? AS_NAMED : 'hub',
    ...suggestedName(first),
  }));
  const [touched, setTouched] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [taskId, setTaskId] = useState<string>();
  const task = useTaskInfo(taskId);
  const saved = registries.last ?? [];
  const plan = planPush(target, saved);
  const problem = touched && !plan.ok ? plan : undefined;
  const named = parseImageReference(target.image);
  const ownRegistry = named.ok && !target.image.startsWith('sha256:') ? registryOf(named.ref) : undefined;
  const set = (patch: Partial<PushTarget>) => {
    setTarget((t) => ({ ...t, ...patch }));
    setError(null);
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (starting || !plan.ok) return;
    setStarting(true);
    setError(null);
    const tagged = plan.tagAs ? await client.call('images.tag', plan.tagAs) : undefined;
    const result = tagged && !tagged.ok ? tagged : await client.call('images.push', { ref: plan.ref });
    setStarting(false);
    if (!result.ok) setError(result.error);
    else if (result.value) setTaskId(result.value.taskId);
  };

  const busy = task !== undefined;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="push-title">
      <DialogTitle id="push-title">Push an image</DialogTitle>
      <form onSubmit={(e) => void start(e)} noValidate>
        <DialogContent>
          <DialogContentText gutterBottom>
            Push to the registry the image's name points at, or choose one of your registries and the name to give
            it there. The registry's saved login is used.
          </DialogContentText>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
            <TextField
              select
              fullWidth
              label="Image"
              value={choices.includes(target.image) ? target.image : ''}
              disabled={busy}
              onChange={(e) => set({ image: e.target.value, ...suggestedName(e.target.value) })}
              error={problem?.field === 'image'}
              helperText={problem?.field === 'image' ? problem.message : choices.length ? ' ' : 'No named images here yet: pull or build one first.'}
            >
              {choices.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
            <TextField select fullWidth label="Registry" value={target.registry} disabled={busy} onChange={(e) => set({ registry: e.target.value })}>
              {ownRegistry && <MenuItem value={AS_NAMED}>As named ({ownRegistry})</MenuItem>}
              {saved.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.name} ({r.host}){r.username ? ` as ${r.username}` : ''}
                </MenuItem>
              ))}
            </TextField>
            {target.registry !== AS_NAMED && (
              <Box sx={{ display: 'flex', gap: 1 }}>
                <TextField
                  label="Repository"
                  value={target.repository}
                  disabled={busy}
                  onChange={(e) => set({ repository: e.target.value })}
                  placeholder="team/api"
                  error={problem?.field === 'repository'}
                  helperText={problem?.field === 'repository' ? problem.message : ' '}
                  sx={{ flex: 2 }}
                  slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
                />
                <TextField
                  label="Tag"
                  value={target.tag}
                  disabled={busy}
                  onChange={(e) => set({ tag: e.target.value })}
                  placeholder="latest"
                  error={problem?.field === 'tag'}
                  helperText={problem?.field === 'tag' ? problem.message : ' '}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
                />
              </Box>
            )}
          </Box>
          <ErrorAlert error={error ?? registries.error} />
          {task && <TaskPanel task={task} />}
        </DialogContent>
        <DialogActions>
          <TaskDialogActions
            task={task}
            startLabel="Push"
            canStart={plan.ok || !touched}
            starting={starting}
            onClose={onClose}
            onRetry={() => setTaskId(undefined)}
          />
        </DialogActions>
      </form>
    </Dialog>
  );
}
