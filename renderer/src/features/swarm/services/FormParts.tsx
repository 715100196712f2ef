import { Box, Button, Checkbox, FormControlLabel, IconButton, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import type { FieldErrors } from '../errors';
import type { MountRow, PortRow, ServiceDraft } from './draft';
import { Choice, Field } from './fields';

export interface PartProps {
  draft: ServiceDraft;
  set: (patch: Partial<ServiceDraft>) => void;
  errors: FieldErrors;
  editing: boolean;
}

/** Name, image, mode and replicas, command: what every service needs. */
export function BasicFields({ draft, set, errors, editing }: PartProps) {
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Field
          label="Name"
          value={draft.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          help={editing ? 'A service cannot be renamed.' : undefined}
          required
          disabled={editing}
          autoFocus={!editing}
          width={260}
        />
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Field
            label="Image"
            value={draft.image}
            onChange={(image) => set({ image })}
            error={errors.image}
            help="Every node pulls it: use a registry the nodes can reach (e.g. nginx:1.27)."
            placeholder="nginx:1.27"
            required
            autoFocus={editing}
          />
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Choice
          label="Mode"
          value={draft.mode}
          onChange={(mode) => set({ mode })}
          options={[
            ['replicated', 'Replicated: a number of tasks'],
            ['global', 'Global: one task per node'],
          ]}
          width={260}
        />
        {draft.mode === 'replicated' && (
          <Field
            label="Replicas"
            value={draft.replicas}
            onChange={(replicas) => set({ replicas })}
            error={errors.replicas}
            width={120}
          />
        )}
      </Box>
      <Field
        label="Command"
        value={draft.command}
        onChange={(command) => set({ command })}
        error={errors.command}
        help="Replaces the image's command; shell quoting works (sh -c 'echo hi')."
      />
    </Stack>
  );
}

const rowSx = { display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' } as const;

export function PortRows({ draft, set, errors }: PartProps) {
  const update = (i: number, patch: Partial<PortRow>) =>
    set({ ports: draft.ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <>
      {errors.ports && <Box sx={{ color: 'error.main' }}>{errors.ports}</Box>}
      {draft.ports.map((p, i) => (
        <Box key={i} sx={rowSx} role="group" aria-label={`Port ${i + 1}`}>
          <Field
            label="Published"
            value={p.published}
            onChange={(published) => update(i, { published })}
            error={errors[`ports.${i}.published`]}
            help={p.mode === 'ingress' ? 'Empty: the swarm picks one' : undefined}
            width={140}
          />
          <Field
            label="Container port"
            value={p.target}
            onChange={(target) => update(i, { target })}
            error={errors[`ports.${i}.target`]}
            width={140}
          />
          <Choice
            label="Protocol"
            value={p.protocol}
            onChange={(protocol) => update(i, { protocol })}
            options={['tcp', 'udp', 'sctp']}
            width={100}
          />
          <Choice
            label="Mode"
            value={p.mode}
            onChange={(mode) => update(i, { mode })}
            options={[
              ['ingress', 'ingress (routing mesh)'],
              ['host', 'host (the task’s node)'],
            ]}
            width={200}
          />
          <IconButton
            aria-label={`Remove port ${i + 1}`}
            onClick={() => set({ ports: draft.ports.filter((_, j) => j !== i) })}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          set({ ports: [...draft.ports, { target: '', published: '', protocol: 'tcp', mode: 'ingress' }] })
        }
      >
        Add port
      </Button>
    </>
  );
}

export function MountRows({ draft, set, errors }: PartProps) {
  const update = (i: number, patch: Partial<MountRow>) =>
    set({ mounts: draft.mounts.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  return (
    <>
      {errors.mounts && <Box sx={{ color: 'error.main' }}>{errors.mounts}</Box>}
      {draft.mounts.map((m, i) => (
        <Box key={i} sx={rowSx} role="group" aria-label={`Mount ${i + 1}`}>
          <Choice
            label="Type"
            value={m.type}
            onChange={(type) => update(i, { type })}
            options={['volume', 'bind', 'tmpfs']}
            width={110}
          />
          <Field
            label={m.type === 'bind' ? 'Host path (on every node)' : 'Volume'}
            value={m.source}
            onChange={(source) => update(i, { source })}
            error={errors[`mounts.${i}.source`]}
            disabled={m.type === 'tmpfs'}
            width={220}
          />
          <Field
            label="Path in the container"
            value={m.target}
            onChange={(target) => update(i, { target })}
            error={errors[`mounts.${i}.target`]}
            width={220}
          />
          <FormControlLabel
            control={
              <Checkbox checked={m.readOnly} onChange={(e) => update(i, { readOnly: e.target.checked })} />
            }
            label="Read-only"
          />
          <IconButton
            aria-label={`Remove mount ${i + 1}`}
            onClick={() => set({ mounts: draft.mounts.filter((_, j) => j !== i) })}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          set({ mounts: [...draft.mounts, { type: 'volume', source: '', target: '', readOnly: false }] })
        }
      >
        Add mount
      </Button>
    </>
  );
}
