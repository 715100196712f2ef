import type Dockerode from 'dockerode';
import type { ContainerState, ContainerSummary, PortMapping } from '../../contract';

const STATES: readonly ContainerState[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];
const PROTOCOLS: readonly PortMapping['protocol'][] = ['tcp', 'udp', 'sctp'];

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

/** One row of GET /containers/json → the contract's ContainerSummary (same shape for lists and patches). */
export function toContainerSummary(info: Dockerode.ContainerInfo): ContainerSummary {
  const labels = info.Labels ?? {};
  const project = labels[COMPOSE_PROJECT_LABEL];
  const service = labels[COMPOSE_SERVICE_LABEL];
  return {
    id: info.Id,
    name: containerName(info.Names ?? []),
    image: info.Image,
    imageId: info.ImageID,
    command: info.Command,
    state: (STATES as readonly string[]).includes(info.State) ? (info.State as ContainerState) : 'dead',
    status: info.Status,
    created: info.Created,
    ports: toPorts(info.Ports ?? []),
    labels,
    ...(project ? { composeProject: project } : {}),
    ...(service ? { composeService: service } : {}),
  };
}

/**
 * Names include legacy link aliases ("/web/db"); the container's own name is the one with a single slash.
 */
function containerName(names: string[]): string {
  const own = names.find((n) => n.lastIndexOf('/') === 0) ?? names[0] ?? '';
  return own.replace(/^\//, '');
}

/** Published ports appear once per address family; identical rows are kept once, in a stable order. */
function toPorts(ports: Dockerode.Port[]): PortMapping[] {
  const seen = new Set<string>();
  const out: PortMapping[] = [];
  for (const p of ports) {
    const protocol = (PROTOCOLS as readonly string[]).includes(p.Type)
      ? (p.Type as PortMapping['protocol'])
      : 'tcp';
    const key = `${p.IP ?? ''}|${p.PrivatePort}|${p.PublicPort ?? ''}|${protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...(p.IP ? { ip: p.IP } : {}),
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      protocol,
    });
  }
  const ip = (p: PortMapping) => p.ip ?? '';
  return out.sort(
    (a, b) =>
      a.privatePort - b.privatePort ||
      (a.publicPort ?? 0) - (b.publicPort ?? 0) ||
      (ip(a) < ip(b) ? -1 : ip(a) > ip(b) ? 1 : 0),
  );
}
