import type Dockerode from 'dockerode';

/**
 * What a compose project made on the engine, normalised so Berth's and docker-compose 1.29.2's results can be
 * compared. Every normalisation is a documented difference between the two tools:
 * - container names: compose v2 style `<project>-<service>-<n>` (Berth) vs `<project>_<service>_<n>` (1.29.2):
 *   both become `P-<service>-<n>`; project names inside other names become `P`;
 * - com.docker.compose.config-hash: each tool hashes its own serialisation, so only its presence is compared;
 * - com.docker.compose.version: Berth writes the compose release it follows, 1.29.2 its own version: presence;
 * - labels only one tool writes are left out: Berth's io.berth.* and com.docker.compose.depends_on (compose v2
 *   writes it too; 1.29.2 predates it), com.docker.compose.project.environment_file (1.29.2 sets it only with
 *   --env-file);
 * - network aliases: the engine adds the container's short ID; 1.29.2 also adds the container name: both dropped;
 * - com.docker.compose.project.config_files: compose v2 and Berth write absolute paths, 1.29.2 paths relative to
 *   the working directory: both become relative;
 * - anonymous volumes have random names: `<anonymous>`.
 */
export interface ProjectSnapshot {
  containers: Record<string, ContainerSnapshot>;
  networks: Record<string, Record<string, string>>;
  volumes: Record<string, Record<string, string>>;
}

export interface ContainerSnapshot {
  labels: Record<string, string>;
  env: string[];
  cmd: string[];
  ports: Record<string, { HostIp: string; HostPort: string }[]>;
  mounts: { type: string; source: string; destination: string; rw: boolean }[];
  networks: Record<string, string[]>;
  init: boolean;
  running: boolean;
}

const ONE_SIDED = /^(io\.berth\.|com\.docker\.compose\.(depends_on|project\.environment_file|image|replace)$)/;
const PRESENCE = new Set(['com.docker.compose.config-hash', 'com.docker.compose.version']);

export async function snapshot(docker: Dockerode, project: string): Promise<ProjectSnapshot> {
  const escaped = project.replace(/[-_]/g, '[-_]');
  const rename = (s: string) => s.replace(new RegExp(`^${escaped}([-_])`), 'P$1');
  const containerKey = (name: string) => rename(name.replace(/^\//, '')).replace(/_/g, '-');
  const labels = (l: Record<string, string> | undefined) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(l ?? {})) {
      if (ONE_SIDED.test(k)) continue;
      if (k === 'com.docker.compose.project.config_files') {
        const dir = l?.['com.docker.compose.project.working_dir'] ?? '';
        out[k] = v.split(',').map((f) => (f.startsWith(`${dir}/`) ? f.slice(dir.length + 1) : f)).join(',');
      } else out[k] = PRESENCE.has(k) ? '<present>' : k === 'com.docker.compose.project' ? 'P' : v;
    }
    return out;
  };
  const filter = { label: [`com.docker.compose.project=${project}`] };
  const containers: Record<string, ContainerSnapshot> = {};
  for (const c of await docker.listContainers({ all: true, filters: filter })) {
    const info = await docker.getContainer(c.Id).inspect();
    const name = info.Name.replace(/^\//, '');
    const nets: Record<string, string[]> = {};
    const endpoints = info.NetworkSettings.Networks as Record<string, { Aliases?: string[] | null }>;
    for (const [net, ep] of Object.entries(endpoints)) {
      nets[rename(net)] = (ep.Aliases ?? []).filter((a) => a !== info.Id.slice(0, 12) && a !== name).sort();
    }
    containers[containerKey(name)] = {
      labels: labels(info.Config.Labels),
      env: [...(info.Config.Env ?? [])].sort(),
      cmd: info.Config.Cmd ?? [],
      ports: Object.fromEntries(
        Object.entries((info.HostConfig.PortBindings ?? {}) as Record<string, unknown>).map(([k, v]) => [k, (v as { HostIp: string; HostPort: string }[]).map((b) => ({ HostIp: b.HostIp || '', HostPort: b.HostPort || '' }))]),
      ),
      mounts: (info.Mounts as { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[])
        .map((m) => ({
          type: m.Type,
          source: m.Type === 'volume' ? (/^[0-9a-f]{64}$/.test(m.Name ?? '') ? '<anonymous>' : rename(m.Name ?? '')) : m.Source,
          destination: m.Destination,
          rw: m.RW,
        }))
        .sort((a, b) => a.destination.localeCompare(b.destination)),
      networks: nets,
      init: info.HostConfig.Init === true,
      running: info.State.Running,
    };
  }
  const networks: Record<string, Record<string, string>> = {};
  for (const n of await docker.listNetworks({ filters: filter })) networks[rename(n.Name)] = labels(n.Labels);
  const volumes: Record<string, Record<string, string>> = {};
  for (const v of (await docker.listVolumes({ filters: filter })).Volumes ?? []) volumes[rename(v.Name)] = labels(v.Labels);
  return { containers, networks, volumes };
}
