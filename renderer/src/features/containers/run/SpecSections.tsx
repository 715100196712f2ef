import type { ReactNode } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Autocomplete,
  Box,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { KeyValueEditor, PortsEditor, VolumesEditor } from './editors';
import type { FieldErrors, SpecForm } from './specForm';
import type { EngineChoices } from './useEngineChoices';

/** Fields that "Edit settings…" can change (containers.recreate's changes); the rest is fixed there. */
export const EDITABLE = new Set(['ports', 'env', 'volumes', 'restart', 'limits']);

export interface SectionProps {
  form: SpecForm;
  set: (patch: Partial<SpecForm>) => void;
  errors: FieldErrors;
  choices: EngineChoices;
  /** Edit mode: only EDITABLE sections take input. */
  editing: boolean;
  expanded: Record<string, boolean>;
  onExpand: (section: string, open: boolean) => void;
}

/** Which collapsed section holds a field's error, so it opens to show it. */
export const sectionOf = (path: string): string => {
  const head = path.split('.')[0] ?? '';
  const map: Record<string, string> = {
    volumes: 'volumes',
    network: 'network',
    restart: 'network',
    maxRetries: 'network',
    cpus: 'limits',
    memory: 'limits',
    pidsLimit: 'limits',
    user: 'process',
    workingDir: 'process',
    entrypoint: 'process',
    hostname: 'process',
    tty: 'process',
    labels: 'labels',
    capAdd: 'security',
    capDrop: 'security',
    readOnlyRootfs: 'security',
    privileged: 'security',
    autoRemove: 'process',
    healthCmd: 'health',
    healthInterval: 'health',
    healthTimeout: 'health',
    healthStartPeriod: 'health',
    healthRetries: 'health',
  };
  return map[head] ?? 'basic';
};

const err = (errors: FieldErrors, path: string) => ({ error: path in errors, helperText: errors[path] });

function Section({
  id,
  title,
  summary,
  props,
  children,
}: {
  id: string;
  title: string;
  summary?: string;
  props: SectionProps;
  children: ReactNode;
}) {
  return (
    <Accordion
      disableGutters
      expanded={props.expanded[id] ?? false}
      onChange={(_, open) => props.onExpand(id, open)}
      slotProps={{ transition: { unmountOnExit: true } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${id}-content`} id={`${id}-header`}>
        <Typography sx={{ fontWeight: 500 }}>{title}</Typography>
        {summary && (
          <Typography color="text.secondary" sx={{ ml: 2 }} variant="body2">
            {summary}
          </Typography>
        )}
      </AccordionSummary>
      <AccordionDetails sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {children}
      </AccordionDetails>
    </Accordion>
  );
}

export function BasicFields({ form, set, errors, choices, editing }: SectionProps) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Autocomplete
        freeSolo
        options={choices.images}
        value={form.image}
        onInputChange={(_, value) => set({ image: value })}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Image"
            required
            autoFocus={!editing}
            placeholder="e.g. nginx:1.27"
            {...err(errors, 'image')}
          />
        )}
      />
      <TextField
        label="Name"
        value={form.name}
        disabled={editing}
        placeholder="chosen by the engine when empty"
        onChange={(e) => set({ name: e.target.value })}
        {...err(errors, 'name')}
      />
      <TextField
        label="Command"
        value={form.command}
        placeholder="the image's default when empty"
        onChange={(e) => set({ command: e.target.value })}
        {...err(errors, 'command')}
        helperText={errors.command ?? 'Arguments as in a shell: quotes group words, e.g. sh -c "echo hi"'}
      />
    </Box>
  );
}

export function SettingsSections(props: SectionProps) {
  const { form, set, errors, choices, editing } = props;
  const fixed = (section: string) => editing && !EDITABLE.has(section);
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Ports
      </Typography>
      <PortsEditor rows={form.ports} onChange={(ports) => set({ ports })} errors={errors} />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Environment
      </Typography>
      <KeyValueEditor
        field="env"
        noun="variable"
        pasteEnv
        rows={form.env}
        onChange={(env) => set({ env })}
        errors={errors}
      />
      <Box sx={{ mt: 2 }}>
        <Section
          id="volumes"
          title="Volumes"
          summary={form.volumes.length ? `${form.volumes.length}` : ''}
          props={props}
        >
          <VolumesEditor rows={form.volumes} onChange={(volumes) => set({ volumes })} errors={errors} />
        </Section>
        <Section
          id="network"
          title="Network and restart"
          summary={[form.network, form.restart !== 'no' ? `restart ${form.restart}` : '']
            .filter(Boolean)
            .join(', ')}
          props={props}
        >
          <Autocomplete
            freeSolo
            options={choices.networks}
            value={form.network}
            disabled={fixed('network')}
            onInputChange={(_, network) => set({ network })}
            renderInput={(params) => (
              <TextField {...params} label="Network" placeholder="bridge" {...err(errors, 'network')} />
            )}
          />
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField
              select
              label="Restart policy"
              value={form.restart}
              sx={{ width: 220 }}
              onChange={(e) => set({ restart: e.target.value as SpecForm['restart'] })}
            >
              <MenuItem value="no">Never</MenuItem>
              <MenuItem value="always">Always</MenuItem>
              <MenuItem value="unless-stopped">Unless stopped</MenuItem>
              <MenuItem value="on-failure">On failure</MenuItem>
            </TextField>
            {form.restart === 'on-failure' && (
              <TextField
                label="Maximum retries"
                value={form.maxRetries}
                onChange={(e) => set({ maxRetries: e.target.value })}
                {...err(errors, 'maxRetries')}
              />
            )}
          </Box>
        </Section>
        <Section
          id="limits"
          title="Limits"
          summary={[form.cpus && `${form.cpus} CPUs`, form.memory && `${form.memory} memory`]
            .filter(Boolean)
            .join(', ')}
          props={props}
        >
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField
              label="CPUs"
              placeholder="no limit"
              value={form.cpus}
              onChange={(e) => set({ cpus: e.target.value })}
              {...err(errors, 'cpus')}
            />
            <TextField
              label="Memory"
              placeholder="e.g. 512m, 2g"
              value={form.memory}
              onChange={(e) => set({ memory: e.target.value })}
              {...err(errors, 'memory')}
            />
            <TextField
              label="Process limit"
              placeholder="no limit"
              value={form.pidsLimit}
              onChange={(e) => set({ pidsLimit: e.target.value })}
              {...err(errors, 'pidsLimit')}
            />
          </Box>
        </Section>
        <Section id="process" title="Process" props={props}>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField
              label="User"
              placeholder="the image's"
              value={form.user}
              disabled={fixed('process')}
              onChange={(e) => set({ user: e.target.value })}
              {...err(errors, 'user')}
            />
            <TextField
              label="Working directory"
              value={form.workingDir}
              disabled={fixed('process')}
              onChange={(e) => set({ workingDir: e.target.value })}
              {...err(errors, 'workingDir')}
            />
            <TextField
              label="Hostname"
              value={form.hostname}
              disabled={fixed('process')}
              onChange={(e) => set({ hostname: e.target.value })}
              {...err(errors, 'hostname')}
            />
          </Box>
          <TextField
            label="Entrypoint"
            value={form.entrypoint}
            disabled={fixed('process')}
            placeholder="the image's"
            onChange={(e) => set({ entrypoint: e.target.value })}
            {...err(errors, 'entrypoint')}
          />
          <Box>
            <FormControlLabel
              disabled={fixed('process')}
              label="Allocate a terminal (-it)"
              control={<Checkbox checked={form.tty} onChange={(e) => set({ tty: e.target.checked })} />}
            />
            <FormControlLabel
              disabled={fixed('process')}
              label="Remove the container when it stops (--rm)"
              control={
                <Checkbox checked={form.autoRemove} onChange={(e) => set({ autoRemove: e.target.checked })} />
              }
            />
          </Box>
          {errors.autoRemove && <Alert severity="error">{errors.autoRemove}</Alert>}
        </Section>
        <Section
          id="labels"
          title="Labels"
          summary={form.labels.length ? `${form.labels.length}` : ''}
          props={props}
        >
          <KeyValueEditor
            field="labels"
            noun="label"
            rows={form.labels}
            onChange={(labels) => set({ labels })}
            errors={errors}
            disabled={fixed('labels')}
          />
        </Section>
        <Section id="security" title="Security" summary={form.privileged ? 'privileged' : ''} props={props}>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField
              label="Add capabilities"
              placeholder="e.g. NET_ADMIN"
              value={form.capAdd}
              disabled={fixed('security')}
              sx={{ flex: 1 }}
              onChange={(e) => set({ capAdd: e.target.value })}
              {...err(errors, 'capAdd')}
            />
            <TextField
              label="Drop capabilities"
              placeholder="e.g. NET_RAW"
              value={form.capDrop}
              disabled={fixed('security')}
              sx={{ flex: 1 }}
              onChange={(e) => set({ capDrop: e.target.value })}
              {...err(errors, 'capDrop')}
            />
          </Box>
          <FormControlLabel
            disabled={fixed('security')}
            label="Read-only root filesystem"
            control={
              <Checkbox
                checked={form.readOnlyRootfs}
                onChange={(e) => set({ readOnlyRootfs: e.target.checked })}
              />
            }
          />
          <FormControlLabel
            disabled={fixed('security')}
            label="Privileged"
            control={
              <Checkbox checked={form.privileged} onChange={(e) => set({ privileged: e.target.checked })} />
            }
          />
          {form.privileged && (
            <Alert severity="warning">
              A privileged container can do almost anything the host's root can: access every device, change
              kernel settings and escape the container. Use it only for software you trust that truly needs
              it.
            </Alert>
          )}
        </Section>
        <Section id="health" title="Healthcheck" summary={form.healthCmd ? 'custom' : ''} props={props}>
          <TextField
            label="Command"
            placeholder="e.g. wget -q -O- http://localhost/ || exit 1"
            value={form.healthCmd}
            disabled={fixed('health')}
            onChange={(e) => set({ healthCmd: e.target.value })}
            {...err(errors, 'healthCmd')}
          />
          <Box sx={{ display: 'flex', gap: 2 }}>
            {(['healthInterval', 'healthTimeout', 'healthStartPeriod', 'healthRetries'] as const).map((k) => (
              <TextField
                key={k}
                label={
                  {
                    healthInterval: 'Interval (s)',
                    healthTimeout: 'Timeout (s)',
                    healthStartPeriod: 'Start period (s)',
                    healthRetries: 'Retries',
                  }[k]
                }
                value={form[k]}
                disabled={fixed('health')}
                onChange={(e) => set({ [k]: e.target.value })}
                {...err(errors, k)}
              />
            ))}
          </Box>
        </Section>
      </Box>
    </Box>
  );
}
