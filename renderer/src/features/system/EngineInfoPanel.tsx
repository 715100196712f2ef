import type { ReactNode } from 'react';
import { Alert, Box, Chip, Paper, Typography } from '@mui/material';
import { formatMemory, plural, type SystemInfo } from '../../api/contract';

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, auto) 1fr', rowGap: 0.5, columnGap: 2, m: 0 }}>
        {children}
      </Box>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
        {value === '' || value === undefined ? '—' : value}
      </Typography>
    </>
  );
}

const list = (items: string[]) => (items.length ? items.join(', ') : 'none');

/** Engine facts grouped the way people look for them; security options stand out. */
export function EngineInfoPanel({ info }: { info: SystemInfo }) {
  const s = info.security;
  const badges: { label: string; on: boolean; good: boolean }[] = [
    { label: 'rootless', on: s.rootless, good: true },
    { label: 'user namespaces', on: s.userns, good: true },
    { label: s.seccomp ? `seccomp (${s.seccomp})` : 'seccomp', on: s.seccomp !== undefined, good: true },
    { label: 'AppArmor', on: s.apparmor, good: true },
    { label: 'SELinux', on: s.selinux, good: true },
  ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: 2 }}>
      <Group title="Engine">
        <Fact label="Version" value={info.version} />
        <Fact label="API version" value={`${info.apiVersion}${info.minApiVersion ? ` (min ${info.minApiVersion})` : ''}`} />
        <Fact label="Name" value={info.name} />
        <Fact label="Data root" value={info.dataRoot} />
        <Fact label="Containers" value={`${info.containers.total} (${info.containers.running} running, ${info.containers.paused} paused, ${info.containers.stopped} stopped)`} />
        <Fact label="Images" value={info.images} />
        <Fact label="Swarm" value={info.swarm.state === 'active' ? `active${info.swarm.controlAvailable ? ' (manager)' : ' (worker)'}${info.swarm.nodes ? `, ${plural(info.swarm.nodes, 'node')}` : ''}` : info.swarm.state} />
      </Group>
      <Group title="Host">
        <Fact label="OS" value={info.os} />
        <Fact label="Kernel" value={info.kernelVersion} />
        <Fact label="Architecture" value={info.architecture} />
        <Fact label="CPUs" value={info.cpus} />
        <Fact label="Memory" value={formatMemory(info.memoryBytes)} />
      </Group>
      <Group title="Storage and runtime">
        <Fact label="Storage driver" value={info.storageDriver} />
        {info.storageStatus.map(([k, v]) => (
          <Fact key={k} label={k} value={v} />
        ))}
        <Fact label="Logging driver" value={info.loggingDriver} />
        <Fact label="Cgroups" value={`${info.cgroupDriver}, v${info.cgroupVersion}`} />
        <Fact label="Runtimes" value={`${list(info.runtimes)} (default ${info.defaultRuntime})`} />
        <Fact label="Live restore" value={info.liveRestore ? 'on' : 'off'} />
      </Group>
      <Group title="Security">
        <Box sx={{ gridColumn: '1 / -1', display: 'flex', gap: 0.5, flexWrap: 'wrap', mb: 1 }}>
          {badges.map((b) => (
            <Chip key={b.label} size="small" label={`${b.label}: ${b.on ? 'on' : 'off'}`} color={b.on ? 'success' : 'default'} variant={b.on ? 'filled' : 'outlined'} />
          ))}
        </Box>
        <Fact label="Options" value={list(s.raw)} />
      </Group>
      <Group title="Registries and proxies">
        <Fact label="Mirrors" value={list(info.registryMirrors)} />
        <Fact label="Insecure registries" value={list(info.insecureRegistries)} />
        <Fact label="HTTP proxy" value={info.httpProxy} />
        <Fact label="HTTPS proxy" value={info.httpsProxy} />
        <Fact label="No proxy" value={info.noProxy} />
      </Group>
      {info.warnings.length > 0 && (
        <Alert severity="warning" sx={{ gridColumn: '1 / -1' }}>
          The engine warns: {info.warnings.join(' ')}
        </Alert>
      )}
    </Box>
  );
}
