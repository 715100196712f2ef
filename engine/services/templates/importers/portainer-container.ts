import type { TemplateImportProblem, TemplateParameter } from '../../../contract';
import { PARAMETER_NAME, type Template } from '../template-file';
import { isRecord, slugify } from '../yaml';
import { dropUndefined } from '../template-file';

/**
 * One Portainer container template (type 1 / "container") → a one-service Berth template. Fields Portainer has
 * and compose does not express are reported by name; env entries become parameters, `preset` ones fixed values.
 */
export function convertContainer(entry: Record<string, unknown>, item: string, problems: TemplateImportProblem[]): Template | undefined {
  const report = (message: string) => problems.push({ item, message });
  const image = str(entry.image);
  if (!image) {
    report('no image: a container template needs one; not imported');
    return undefined;
  }
  const title = str(entry.title) ?? image;
  const service: Record<string, unknown> = { image: str(entry.registry) ? `${str(entry.registry)}/${image}` : image };
  const name = str(entry.name);
  const serviceName = slugify(name ?? title, 'app');
  if (name) service.container_name = name;
  const parameters: TemplateParameter[] = [];
  const environment = convertEnv(entry.env, parameters, report);
  if (Object.keys(environment).length) service.environment = environment;
  const ports = list(entry.ports).flatMap((p) => (typeof p === 'string' ? [portSpec(p)] : (report(`port ${JSON.stringify(p)} is not a "host:container/proto" string; not converted`), [])));
  if (ports.length) service.ports = ports;
  const volumes = list(entry.volumes).flatMap((v) => volumeSpec(v, report));
  if (volumes.length) service.volumes = volumes;
  const command = str(entry.command);
  if (command) service.command = command;
  copyFields(entry, service, report);
  const labels = list(entry.labels).filter(isRecord);
  if (labels.length) service.labels = Object.fromEntries(labels.map((l) => [String(l.name), str(l.value) ?? '']));
  return {
    metadata: dropUndefined({
      title,
      description: str(entry.description),
      categories: list(entry.categories).map(String),
      logo: str(entry.logo),
      documentation: str(entry.note),
      maintainer: str(entry.maintainer),
    }),
    parameters,
    compose: { services: { [serviceName]: service } },
  };
}

const HANDLED = new Set(['type', 'id', 'title', 'description', 'categories', 'logo', 'note', 'maintainer', 'image', 'registry', 'name', 'env', 'ports', 'volumes', 'command', 'labels', 'network', 'privileged', 'interactive', 'restart_policy', 'hostname', 'platform', 'administrator_only']);

function copyFields(entry: Record<string, unknown>, service: Record<string, unknown>, report: (m: string) => void): void {
  const network = str(entry.network);
  if (network === 'host' || network === 'none') service.network_mode = network;
  else if (network && network !== 'bridge') report(`network "${network}" is a network of the Portainer host; the template uses the project's own network instead`);
  if (entry.privileged === true) service.privileged = true;
  if (entry.interactive === true) Object.assign(service, { stdin_open: true, tty: true });
  const restart = str(entry.restart_policy);
  if (restart) service.restart = restart;
  const hostname = str(entry.hostname);
  if (hostname) service.hostname = hostname;
  const platform = str(entry.platform);
  if (platform && platform !== 'linux') report(`platform "${platform}": Berth runs Linux containers; the template is imported as a Linux one`);
  if (entry.administrator_only === true) report('administrator_only: Berth has no per-template visibility; the template is visible to every user');
  for (const key of Object.keys(entry)) if (!HANDLED.has(key)) report(`field "${key}" has no compose equivalent; not converted`);
}

function convertEnv(env: unknown, parameters: TemplateParameter[], report: (m: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list(env)) {
    if (!isRecord(e) || typeof e.name !== 'string') {
      report(`env entry ${JSON.stringify(e)} has no name; not converted`);
      continue;
    }
    const select = list(e.select).filter(isRecord);
    const preset = e.preset === true || e.set !== undefined;
    const value = str(e.set) ?? str(e.default) ?? str(select.find((s) => s.default === true)?.value) ?? '';
    if (preset || !PARAMETER_NAME.test(e.name)) {
      if (!preset) report(`env ${e.name} is not a variable name, so it cannot be a parameter; fixed to "${value}"`);
      out[e.name] = value.replace(/\$/g, '$$$$');
      continue;
    }
    const options = select.map((s) => dropUndefined({ value: str(s.value) ?? '', label: str(s.text) }));
    parameters.push(
      dropUndefined({
        name: e.name,
        label: str(e.label) ?? e.name,
        description: str(e.description),
        default: value === '' ? undefined : value,
        required: false,
        secret: /(^|_)(PASS(WORD)?|SECRET|TOKEN|KEY)(_|$)/i.test(e.name),
        options: options.length ? options : undefined,
      }),
    );
    out[e.name] = `\${${e.name}}`;
  }
  return out;
}

/** "8080:80/tcp", "80/udp" and "127.0.0.1:8080:80" are compose's short syntax already. */
const portSpec = (p: string): string => p;

function volumeSpec(v: unknown, report: (m: string) => void): unknown[] {
  if (typeof v === 'string') return [v];
  if (!isRecord(v) || typeof v.container !== 'string') {
    report(`volume ${JSON.stringify(v)} has no container path; not converted`);
    return [];
  }
  const ro = v.readonly === true;
  if (typeof v.bind === 'string' && v.bind) return [`${v.bind}:${v.container}${ro ? ':ro' : ''}`];
  // An anonymous volume, as Portainer creates for a container path without a bind.
  return [ro ? { type: 'volume', target: v.container, read_only: true } : v.container];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
