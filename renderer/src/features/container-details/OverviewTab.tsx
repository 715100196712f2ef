import type { ReactNode } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import { formatMemory, formatTime, UNKNOWN, type ContainerDetails } from '../../api/contract';
import { formatCommand } from './format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word', fontFamily: 'inherit' }}>
        {children}
      </Typography>
    </>
  );
}

/** State, image, command, restart policy, times and limits at a glance. */
export function OverviewTab({ details: d }: { details: ContainerDetails }) {
  const r = d.resources;
  return (
    <Box sx={{ p: 2 }}>
      {d.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The engine reported: {d.error}
        </Alert>
      )}
      {d.oomKilled && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          The container was killed because it ran out of memory. Raise its memory limit, or find what uses the memory.
        </Alert>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
        <Row label="Status">{d.statusText}</Row>
        {d.health !== 'none' && <Row label="Health">{d.health}{d.healthLog ? ` — ${d.healthLog}` : ''}</Row>}
        <Row label="ID">{d.id}</Row>
        <Row label="Image">{d.image}</Row>
        <Row label="Entrypoint">{d.entrypoint.length ? formatCommand(d.entrypoint) : UNKNOWN}</Row>
        <Row label="Command">{d.command.length ? formatCommand(d.command) : UNKNOWN}</Row>
        <Row label="Working directory">{d.workingDir || '/'}</Row>
        <Row label="User">{d.user || 'root (image default)'}</Row>
        <Row label="Restart policy">
          {d.restartPolicy.name}
          {d.restartPolicy.name === 'on-failure' && d.restartPolicy.maximumRetryCount ? ` (max ${d.restartPolicy.maximumRetryCount})` : ''}
          {d.restartCount ? `, restarted ${d.restartCount}×` : ''}
        </Row>
        <Row label="Created">{formatTime(d.created)}</Row>
        <Row label="Started">{formatTime(d.startedAt)}</Row>
        <Row label="Finished">{d.finishedAt ? `${formatTime(d.finishedAt)} (exit code ${d.exitCode})` : UNKNOWN}</Row>
        <Row label="CPU limit">{r.cpus ? `${r.cpus} CPUs` : 'unlimited'}</Row>
        <Row label="Memory limit">{r.memory ? formatMemory(r.memory) : 'unlimited'}</Row>
        <Row label="PIDs limit">{r.pidsLimit > 0 ? r.pidsLimit : 'unlimited'}</Row>
        <Row label="TTY">{d.tty ? 'yes' : 'no'}</Row>
        <Row label="Privileged">{d.privileged ? 'yes — full access to the host' : 'no'}</Row>
        <Row label="Read-only root">{d.readOnlyRootfs ? 'yes' : 'no'}</Row>
      </Box>
    </Box>
  );
}
