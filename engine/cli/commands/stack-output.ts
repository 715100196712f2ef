import type { StackSummary, SwarmNode, SwarmServiceSummary, SwarmTask } from '../../contract';
import { ago, table } from './compose-output';

/** `docker stack ls`: NAME SERVICES, sorted by name. */
export function stackLsTable(stacks: StackSummary[]): string[] {
  return table(['NAME', 'SERVICES'], [...stacks].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, String(s.services)]));
}

const MODE: Record<SwarmServiceSummary['mode'], string> = { replicated: 'replicated', global: 'global', 'replicated-job': 'replicated job', 'global-job': 'global job' };

/** `*:8080->80/tcp` for the routing mesh, as the docker CLI prints published ports. */
const portsText = (s: SwarmServiceSummary) =>
  s.ports.filter((p) => p.published !== undefined).map((p) => `*:${p.published}->${p.target}/${p.protocol}`).join(', ');

/** `docker stack services`: ID NAME MODE REPLICAS IMAGE PORTS, sorted by name. */
export function stackServicesTable(services: SwarmServiceSummary[]): string[] {
  return table(
    ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'],
    [...services].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.id.slice(0, 12), s.name, MODE[s.mode], `${s.running}/${s.desired}`, s.image, portsText(s)]),
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `docker stack ps`: ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS. A task is `<service>.<slot>` (a
 * global one `<service>.<node id>`); per slot the newest comes first and the older ones are shown as `\_ <name>`.
 */
export function stackPsTable(tasks: SwarmTask[], nodes: SwarmNode[], noTrunc: boolean, now = Date.now()): string[] {
  const hostname = new Map(nodes.map((n) => [n.id, n.hostname]));
  const slotOf = (t: SwarmTask) => (t.slot !== undefined ? String(t.slot) : (t.nodeId ?? ''));
  const sorted = [...tasks].sort(
    (a, b) =>
      a.serviceName.localeCompare(b.serviceName) ||
      (a.slot ?? 0) - (b.slot ?? 0) ||
      slotOf(a).localeCompare(slotOf(b)) ||
      (b.createdAt ?? 0) - (a.createdAt ?? 0),
  );
  let previous = '';
  const rows = sorted.map((t) => {
    const name = `${t.serviceName}.${t.slot !== undefined ? t.slot : (t.nodeId ?? '')}`;
    const shown = name === previous ? ` \\_ ${name}` : name;
    previous = name;
    const image = noTrunc ? (t.image ?? '') : (t.image ?? '').replace(/@sha256:[0-9a-f]+$/, '');
    const error = t.error ? (noTrunc || t.error.length <= 30 ? `"${t.error}"` : `"${t.error.slice(0, 29)}…"`) : '';
    const since = t.stateSince !== undefined ? ` ${ago(t.stateSince / 1000, now)}` : '';
    return [noTrunc ? t.id : t.id.slice(0, 12), shown, image, t.nodeId ? (hostname.get(t.nodeId) ?? t.nodeId) : '', capital(t.desiredState), `${capital(t.state)}${since}`, error, ''];
  });
  return table(['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'], rows);
}
