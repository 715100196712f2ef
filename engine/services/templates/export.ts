import type { TemplateExportFile, TemplateImportProblem, TemplateOrigin, TemplateParameter } from '../../contract';
import type { LoadedTemplate, TemplateLibrary } from './library';
import { renderTemplate } from './template-file';
import { isRecord } from './yaml';

/**
 * A template's files: `file` is its compose.yaml alone (documentation inside x-berth); `folder` moves the
 * documentation into README.md next to it, where people read it on a git host.
 */
export function exportFiles(t: LoadedTemplate, as: 'file' | 'folder'): TemplateExportFile[] {
  const { documentation, ...metadata } = t.template.metadata;
  if (as === 'file' || !documentation) return [{ path: 'compose.yaml', content: as === 'file' ? t.text : renderTemplate({ ...t.template, metadata }) }];
  return [
    { path: 'compose.yaml', content: renderTemplate({ ...t.template, metadata }) },
    { path: 'README.md', content: documentation.endsWith('\n') ? documentation : `${documentation}\n` },
  ];
}

/** The templates as a Portainer v3 list (the format Portainer 2.x reads), in list order. */
export async function exportPortainerList(lib: TemplateLibrary, opts: { origins?: TemplateOrigin[] | undefined; repositoryUrl?: string | undefined }): Promise<{ json: string; problems: TemplateImportProblem[] }> {
  const { templates: summaries, unreadable } = await lib.list();
  const problems: TemplateImportProblem[] = unreadable.map((u) => ({ item: u.id, message: u.message }));
  const out: Record<string, unknown>[] = [];
  for (const s of summaries) {
    if (opts.origins && !opts.origins.includes(s.origin)) continue;
    const t = await lib.load(s.id);
    const entry = toPortainer(t, out.length + 1, opts.repositoryUrl, (message) => problems.push({ item: s.id, message }));
    if (entry) out.push(entry);
  }
  return { json: `${JSON.stringify({ version: '3', templates: out }, null, 2)}\n`, problems };
}

function toPortainer(t: LoadedTemplate, id: number, repositoryUrl: string | undefined, report: (m: string) => void): Record<string, unknown> | undefined {
  const { metadata: m, parameters } = t.template;
  const common = {
    id,
    title: m.title,
    description: m.description ?? m.title,
    categories: m.categories,
    ...(m.logo ? { logo: m.logo } : {}),
    ...(m.documentation ? { note: m.documentation } : {}),
    ...(m.maintainer ? { maintainer: m.maintainer } : {}),
    platform: 'linux',
  };
  const env = parameters.map((p) => portainerEnv(p, p.name));
  const services = isRecord(t.template.compose.services) ? t.template.compose.services : {};
  const only = Object.values(services);
  const container = only.length === 1 && isRecord(only[0]) && !usesTopLevel(t.template.compose) ? asContainer(only[0], parameters) : undefined;
  if (container) return { ...common, type: 1, ...container };
  if (!repositoryUrl) {
    report('a multi-service template is a Portainer compose stack, which Portainer reads from a git repository; give a repository URL to export it');
    return undefined;
  }
  const slug = t.stored.id.split('/').pop() ?? 'template';
  return { ...common, type: 3, repository: { url: repositoryUrl, stackfile: `${slug}/compose.yaml` }, ...(env.length ? { env } : {}) };
}

const portainerEnv = (p: TemplateParameter, name: string): Record<string, unknown> => ({
  name,
  label: p.label,
  ...(p.description ? { description: p.description } : {}),
  ...(p.default !== undefined ? { default: p.default } : {}),
  ...(p.options ? { select: p.options.map((o) => ({ text: o.label ?? o.value, value: o.value, ...(o.value === p.default ? { default: true } : {}) })) } : {}),
});

const CONTAINER_KEYS = new Set(['image', 'container_name', 'ports', 'volumes', 'environment', 'command', 'restart', 'privileged', 'hostname', 'labels', 'network_mode', 'stdin_open', 'tty']);

/** A service Portainer's container template can express fully, with `${NAME}` only as whole env values. */
function asContainer(svc: Record<string, unknown>, parameters: TemplateParameter[]): Record<string, unknown> | undefined {
  if (Object.keys(svc).some((k) => !CONTAINER_KEYS.has(k)) || typeof svc.image !== 'string') return undefined;
  const rest = { ...svc, environment: undefined };
  if (Array.isArray(svc.environment) || JSON.stringify(rest).includes('${')) return undefined;
  const env: Record<string, unknown>[] = [];
  for (const [name, value] of Object.entries(isRecord(svc.environment) ? svc.environment : {})) {
    const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    const ref = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(text)?.[1];
    const param = parameters.find((p) => p.name === ref);
    if (param) env.push(portainerEnv(param, name));
    else if (text.replace(/\$\$/g, '').includes('$')) return undefined;
    else env.push({ name, label: name, default: text.replace(/\$\$/g, '$'), preset: true });
  }
  const volumes = Array.isArray(svc.volumes) ? svc.volumes.map(portainerVolume) : [];
  if (volumes.includes(undefined)) return undefined;
  return {
    image: svc.image,
    ...(typeof svc.container_name === 'string' ? { name: svc.container_name } : {}),
    ...(Array.isArray(svc.ports) && svc.ports.every((p) => typeof p === 'string') ? { ports: svc.ports } : {}),
    ...(volumes.length ? { volumes } : {}),
    ...(typeof svc.command === 'string' ? { command: svc.command } : {}),
    ...(typeof svc.restart === 'string' ? { restart_policy: svc.restart } : {}),
    ...(svc.privileged === true ? { privileged: true } : {}),
    ...(typeof svc.hostname === 'string' ? { hostname: svc.hostname } : {}),
    ...(svc.network_mode === 'host' ? { network: 'host' } : {}),
    ...(svc.tty === true ? { interactive: true } : {}),
    ...(env.length ? { env } : {}),
    ...(isRecord(svc.labels) ? { labels: Object.entries(svc.labels).map(([name, value]) => ({ name, value: String(value) })) } : {}),
  };
}

function portainerVolume(v: unknown): Record<string, unknown> | undefined {
  if (typeof v !== 'string') return undefined;
  const [a = '', b, mode] = v.split(':');
  if (b === undefined) return { container: a };
  if (!a.startsWith('/')) return undefined;
  return { bind: a, container: b, ...(mode === 'ro' ? { readonly: true } : {}) };
}

const usesTopLevel = (compose: Record<string, unknown>): boolean => ['volumes', 'networks', 'secrets', 'configs'].some((k) => isRecord(compose[k]) && Object.keys(compose[k]).length > 0);
