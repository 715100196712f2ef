import { useState } from 'react';
import { Box, Typography } from '@mui/material';
import { DataPicker } from './DataPicker';
import type { UpdateDraft } from './draft';
import { Choice, Field, Section } from './fields';
import { MountRows, PortRows, type PartProps } from './FormParts';

const count = (text: string) => text.split('\n').filter((l) => l.trim()).length;
const row = { display: 'flex', gap: 2, flexWrap: 'wrap' } as const;

function UpdateFields({
  which,
  value,
  onChange,
  errors,
}: {
  which: 'update' | 'rollback';
  value: UpdateDraft;
  onChange: (u: UpdateDraft) => void;
  errors: PartProps['errors'];
}) {
  const set = (patch: Partial<UpdateDraft>) => onChange({ ...value, ...patch });
  const e = (k: keyof UpdateDraft) => errors[`${which}.${k}`];
  return (
    <Box>
      <Typography variant="subtitle2" gutterBottom>
        {which === 'update' ? 'Rolling update' : 'Rollback'}
      </Typography>
      <Box sx={row}>
        <Field
          label="Parallelism"
          value={value.parallelism}
          onChange={(parallelism) => set({ parallelism })}
          error={e('parallelism')}
          help="Tasks at a time (0: all)"
          width={130}
        />
        <Field
          label="Delay (s)"
          value={value.delaySeconds}
          onChange={(delaySeconds) => set({ delaySeconds })}
          error={e('delaySeconds')}
          width={110}
        />
        <Field
          label="Monitor (s)"
          value={value.monitorSeconds}
          onChange={(monitorSeconds) => set({ monitorSeconds })}
          error={e('monitorSeconds')}
          width={110}
        />
        <Field
          label="Max failure ratio"
          value={value.maxFailureRatio}
          onChange={(maxFailureRatio) => set({ maxFailureRatio })}
          error={e('maxFailureRatio')}
          help="0 to 1"
          width={140}
        />
        <Choice
          label="On failure"
          value={value.failureAction}
          onChange={(failureAction) => set({ failureAction })}
          options={which === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue']}
          width={130}
        />
        <Choice
          label="Order"
          value={value.order}
          onChange={(order) => set({ order })}
          options={['stop-first', 'start-first']}
          width={140}
        />
      </Box>
    </Box>
  );
}

/** The optional parts of a service, each collapsible (and open while it holds a problem). */
export function FormSections(props: PartProps) {
  const { draft, set, errors } = props;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const section = (id: string) => ({
    open: !!open[id],
    onOpen: (v: boolean) => setOpen((o) => ({ ...o, [id]: v })),
    errors,
  });
  return (
    <Box>
      <Section
        title="Environment and labels"
        summary={`${count(draft.env)} variables, ${count(draft.labels)} labels`}
        keys={['env', 'labels']}
        {...section('env')}
      >
        <Field
          label="Environment"
          value={draft.env}
          onChange={(env) => set({ env })}
          error={errors.env}
          help="KEY=VALUE, one per line"
          multiline
        />
        <Field
          label="Service labels"
          value={draft.labels}
          onChange={(labels) => set({ labels })}
          error={errors.labels}
          help="key=value, one per line"
          multiline
        />
      </Section>
      <Section title="Ports" summary={`${draft.ports.length}`} keys={['ports']} {...section('ports')}>
        <PortRows {...props} />
      </Section>
      <Section title="Mounts" summary={`${draft.mounts.length}`} keys={['mounts']} {...section('mounts')}>
        <MountRows {...props} />
      </Section>
      <Section
        title="Networks and placement"
        keys={['networks', 'constraints', 'preferences', 'maxReplicasPerNode']}
        {...section('placement')}
      >
        <Field
          label="Networks"
          value={draft.networks}
          onChange={(networks) => set({ networks })}
          error={errors.networks}
          help="Overlay network names, one per line"
          multiline
        />
        <Field
          label="Constraints"
          value={draft.constraints}
          onChange={(constraints) => set({ constraints })}
          error={errors.constraints}
          help="One per line, e.g. node.role==manager or node.labels.zone!=b"
          multiline
        />
        <Field
          label="Spread over"
          value={draft.preferences}
          onChange={(preferences) => set({ preferences })}
          error={errors.preferences}
          help="Node labels to spread tasks over, one per line (node.labels.zone)"
          multiline
        />
        <Field
          label="Max replicas per node"
          value={draft.maxReplicasPerNode}
          onChange={(maxReplicasPerNode) => set({ maxReplicasPerNode })}
          error={errors.maxReplicasPerNode}
          width={200}
        />
      </Section>
      <Section
        title="Resources"
        keys={['limitCpus', 'limitMemory', 'reserveCpus', 'reserveMemory']}
        {...section('resources')}
      >
        <Box sx={row}>
          <Field
            label="CPU limit"
            value={draft.limitCpus}
            onChange={(limitCpus) => set({ limitCpus })}
            error={errors.limitCpus}
            help="CPUs, e.g. 0.5"
            width={150}
          />
          <Field
            label="Memory limit"
            value={draft.limitMemory}
            onChange={(limitMemory) => set({ limitMemory })}
            error={errors.limitMemory}
            help="e.g. 256m"
            width={150}
          />
          <Field
            label="CPU reservation"
            value={draft.reserveCpus}
            onChange={(reserveCpus) => set({ reserveCpus })}
            error={errors.reserveCpus}
            width={150}
          />
          <Field
            label="Memory reservation"
            value={draft.reserveMemory}
            onChange={(reserveMemory) => set({ reserveMemory })}
            error={errors.reserveMemory}
            width={160}
          />
        </Box>
      </Section>
      <Section
        title="Restart policy"
        summary={draft.restartCondition}
        keys={['restartCondition', 'restartDelay', 'restartMaxAttempts', 'restartWindow']}
        {...section('restart')}
      >
        <Box sx={row}>
          <Choice
            label="Restart"
            value={draft.restartCondition}
            onChange={(restartCondition) => set({ restartCondition })}
            options={['any', 'on-failure', 'none']}
            width={140}
          />
          <Field
            label="Delay (s)"
            value={draft.restartDelay}
            onChange={(restartDelay) => set({ restartDelay })}
            error={errors.restartDelay}
            width={110}
          />
          <Field
            label="Max attempts"
            value={draft.restartMaxAttempts}
            onChange={(restartMaxAttempts) => set({ restartMaxAttempts })}
            error={errors.restartMaxAttempts}
            width={120}
          />
          <Field
            label="Window (s)"
            value={draft.restartWindow}
            onChange={(restartWindow) => set({ restartWindow })}
            error={errors.restartWindow}
            width={110}
          />
        </Box>
      </Section>
      <Section title="Update and rollback" keys={['update', 'rollback']} {...section('update')}>
        <UpdateFields
          which="update"
          value={draft.update}
          onChange={(update) => set({ update })}
          errors={errors}
        />
        <UpdateFields
          which="rollback"
          value={draft.rollback}
          onChange={(rollback) => set({ rollback })}
          errors={errors}
        />
      </Section>
      <Section
        title="Secrets and configs"
        summary={`${count(draft.secrets)} secrets, ${count(draft.configs)} configs`}
        keys={['secrets', 'configs']}
        {...section('files')}
      >
        <Field
          label="Secrets"
          value={draft.secrets}
          onChange={(secrets) => set({ secrets })}
          error={errors.secrets}
          help="Secret names, one per line; name:file to mount it as /run/secrets/file"
          multiline
        />
        <DataPicker kind="secret" value={draft.secrets} onChange={(secrets) => set({ secrets })} />
        <Field
          label="Configs"
          value={draft.configs}
          onChange={(configs) => set({ configs })}
          error={errors.configs}
          help="Config names, one per line; name:/path to choose where it appears"
          multiline
        />
        <DataPicker kind="config" value={draft.configs} onChange={(configs) => set({ configs })} />
      </Section>
      <Section title="Advanced" keys={['entrypoint', 'workdir', 'user', 'hostname']} {...section('advanced')}>
        <Field
          label="Entrypoint"
          value={draft.entrypoint}
          onChange={(entrypoint) => set({ entrypoint })}
          error={errors.entrypoint}
          help="Replaces the image's entrypoint"
        />
        <Box sx={row}>
          <Field
            label="Working directory"
            value={draft.workdir}
            onChange={(workdir) => set({ workdir })}
            error={errors.workdir}
            width={220}
          />
          <Field
            label="User"
            value={draft.user}
            onChange={(user) => set({ user })}
            error={errors.user}
            width={160}
          />
          <Field
            label="Hostname"
            value={draft.hostname}
            onChange={(hostname) => set({ hostname })}
            error={errors.hostname}
            width={200}
          />
        </Box>
      </Section>
    </Box>
  );
}
