import type { ComposeProjectSummary, ContainerSummary, LogLine, TaskInfo } from '../../contract';

/** Left-aligned columns separated by three spaces, like docker's tables. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('   ').trimEnd();
  return [line(header), ...rows.map(line)];
}

export const ago = (seconds: number, now: number): string => {
  const s = Math.max(0, Math.round(now / 1000 - seconds));
  if (s < 60) return `${s} seconds ago`;
  if (s < 3600) return `${Math.round(s / 60)} minutes ago`;
  if (s < 86400) return `${Math.round(s / 3600)} hours ago`;
  return `${Math.round(s / 86400)} days ago`;
};

const portsText = (c: ContainerSummary) =>
  c.ports.map((p) => (p.publicPort ? `${p.ip ?? '0.0.0.0'}:${p.publicPort}->${p.privatePort}/${p.protocol}` : `${p.privatePort}/${p.protocol}`)).join(', ');

/** `compose ps`: NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS, as docker compose v2 prints it. */
export function psTable(list: ContainerSummary[], now = Date.now()): string[] {
  return table(
    ['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'],
    list.map((c) => [c.name, c.image, JSON.stringify(c.command.length > 20 ? `${c.command.slice(0, 19)}…` : c.command), c.composeService ?? '', ago(c.created, now), c.status, portsText(c)]),
  );
}

/** `compose ls`: NAME STATUS CONFIG FILES, with Berth's origin column. */
export function lsTable(list: ComposeProjectSummary[]): string[] {
  return table(
    ['NAME', 'STATUS', 'ORIGIN', 'CONFIG FILES'],
    list.map((p) => [p.name, `${p.status}(${p.containers.running}/${p.containers.total})`, p.createdBy ?? p.origin, (p.configFiles ?? []).join(',')]),
  );
}

/** Health as docker compose reports it, from the engine's status ("Up 3 minutes (healthy)"). */
const healthOf = (status: string): string => /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1]?.replace('health: ', '') ?? '';

/**
 * `compose ps --format json`: one object per line with docker compose v2's keys (since 2.21), so scripts written
 * for `docker compose ps --format json | jq .Service` read Berth's too.
 */
export function psJson(list: ContainerSummary[], now = Date.now()): string[] {
  return list.map((c) =>
    JSON.stringify({
      ID: c.id,
      Name: c.name,
      Names: c.name,
      Image: c.image,
      Command: JSON.stringify(c.command),
      Project: c.composeProject ?? '',
      Service: c.composeService ?? '',
      Created: c.created,
      RunningFor: ago(c.created, now),
      State: c.state,
      Status: c.status,
      Health: healthOf(c.status),
      ExitCode: Number(/^Exited \((\d+)\)/.exec(c.status)?.[1] ?? 0),
      Ports: portsText(c),
      Publishers: c.ports.map((p) => ({ URL: p.ip ?? '', TargetPort: p.privatePort, PublishedPort: p.publicPort ?? 0, Protocol: p.protocol })),
      Labels: Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(','),
    }),
  );
}

/** `compose ls --format json`: docker compose's array of { Name, Status, ConfigFiles }. */
export function lsJson(list: ComposeProjectSummary[]): string {
  const status = ({ running, total }: ComposeProjectSummary['containers']) =>
    running === total ? `running(${running})` : running === 0 ? `exited(${total})` : `exited(${total - running}), running(${running})`;
  return JSON.stringify(list.map((p) => ({ Name: p.name, Status: status(p.containers), ConfigFiles: (p.configFiles ?? []).join(',') })));
}

/** `<container> | <text>`, the prefix padded to the widest container name seen so far. */
export class LogPrinter {
  private width = 0;

  format(line: LogLine): string {
    const name = line.container ?? line.service ?? '';
    this.width = Math.max(this.width, name.length);
    return `${name.padEnd(this.width)}  | ${line.ts ? `${line.ts} ` : ''}${line.text}`;
  }
}

/** One line per service at the end of a task, as the final state of compose's progress display. */
export function stepSummary(task: TaskInfo): string[] {
  return (task.steps ?? []).map((s) => ` ✔ Service ${s.label}  ${s.detail ?? s.state}`.replace('✔', s.state === 'failed' ? '✘' : s.state === 'skipped' ? '-' : '✔'));
}
