import type { TemplateImportProblem, TemplateParameter } from '../../../contract';
import { dropUndefined, PARAMETER_NAME } from '../template-file';
import { isRecord, slugify } from '../yaml';
import { list, str } from './portainer-container';
import type { Converted } from './types';

/** Whether a parsed document is a Panamax application (.pmx): a name and an `images` list. */
export const isPmx = (doc: Record<string, unknown>): boolean => isRecord(doc) && Array.isArray(doc.images) && (typeof doc.name === 'string' || typeof doc.description === 'string');

const IMAGE_FIELDS = new Set(['name', 'source', 'category', 'type', 'description', 'expose', 'ports', 'links', 'environment', 'volumes', 'volumes_from', 'command', 'deployment']);
const APP_FIELDS = new Set(['name', 'description', 'keywords', 'type', 'documentation', 'images', 'icon']);

/**
 * A Panamax .pmx application → one Berth template: each image a service; links become `links` plus depends_on;
 * image categories (and the app's keywords) become the template's categories; environment entries without a
 * value become required parameters.
 */
export function convertPmx(doc: Record<string, unknown>, what: string): Converted {
  const problems: TemplateImportProblem[] = [];
  const services: Record<string, Record<string, unknown>> = {};
  const parameters: TemplateParameter[] = [];
  const categories = new Set<string>();
  for (const key of Object.keys(doc)) if (!APP_FIELDS.has(key)) problems.push({ item: what, message: `field "${key}" has no template equivalent; not converted` });
  for (const k of (str(doc.keywords) ?? '').split(',').map((s) => s.trim()).filter(Boolean)) categories.add(k);
  for (const image of list(doc.images)) {
    const name = isRecord(image) ? str(image.name) : undefined;
    const item = `pmx image ${name ?? '?'}`;
    if (!isRecord(image) || !name || !str(image.source)) {
      problems.push({ item, message: 'an image needs a name and a source; not converted' });
      continue;
    }
    const report = (message: string) => problems.push({ item, message });
    const category = str(image.category);
    if (category) categories.add(category);
    services[slugify(name, 'service')] = convertImage(image, parameters, report);
    for (const key of Object.keys(image)) if (!IMAGE_FIELDS.has(key)) report(`field "${key}" has no compose equivalent; not converted`);
  }
  if (Object.keys(services).length === 0) return { templates: [], problems: [...problems, { item: what, message: 'no image could be converted; nothing imported' }] };
  for (const [svc, cfg] of Object.entries(services)) {
    for (const dep of (cfg.depends_on as string[] | undefined) ?? []) {
      if (!services[dep]) problems.push({ item: `pmx image ${svc}`, message: `links to "${dep}", which is not an image of this application` });
    }
  }
  const title = str(doc.name) ?? 'Panamax application';
  return {
    templates: [
      {
        name: slugify(title),
        template: {
          metadata: dropUndefined({ title, description: str(doc.description), documentation: str(doc.documentation), categories: [...categories], logo: str(doc.icon) }),
          parameters,
          compose: { services },
        },
      },
    ],
    problems,
  };
}

function convertImage(image: Record<string, unknown>, parameters: TemplateParameter[], report: (m: string) => void): Record<string, unknown> {
  const svc: Record<string, unknown> = { image: str(image.source) };
  const command = str(image.command);
  if (command) svc.command = command;
  const expose = list(image.expose).map(String);
  if (expose.length) svc.expose = expose;
  const ports = list(image.ports).flatMap((p) => {
    if (!isRecord(p) || str(p.container_port) === undefined) return report(`port ${JSON.stringify(p)} has no container_port; not converted`), [];
    const proto = str(p.proto)?.toLowerCase();
    return [`${str(p.host_port) ? `${str(p.host_port) ?? ''}:` : ''}${str(p.container_port) ?? ''}${proto && proto !== 'tcp' ? `/${proto}` : ''}`];
  });
  if (ports.length) svc.ports = ports;
  const links = list(image.links).filter(isRecord);
  if (links.length) {
    const deps = links.map((l) => slugify(str(l.service) ?? '', 'service'));
    svc.links = links.map((l, i) => (str(l.alias) ? `${deps[i] ?? ''}:${String(l.alias)}` : (deps[i] ?? '')));
    svc.depends_on = deps;
  }
  const env: Record<string, string> = {};
  for (const e of list(image.environment)) {
    if (!isRecord(e) || !str(e.variable)) {
      report(`environment entry ${JSON.stringify(e)} has no variable; not converted`);
      continue;
    }
    const variable = String(e.variable);
    const value = str(e.value);
    if (value !== undefined && e.required !== true) env[variable] = value.replace(/\$/g, '$$$$');
    else if (!PARAMETER_NAME.test(variable)) report(`environment ${variable} needs a value but is not a variable name, so it cannot be a parameter; not converted`);
    else {
      parameters.push(dropUndefined({ name: variable, label: variable, description: str(e.description), default: value, required: value === undefined, secret: false }));
      env[variable] = `\${${variable}}`;
    }
  }
  if (Object.keys(env).length) svc.environment = env;
  const volumes = list(image.volumes).flatMap((v) => {
    if (!isRecord(v) || !str(v.container_path)) return report(`volume ${JSON.stringify(v)} has no container_path; not converted`), [];
    return [str(v.host_path) ? `${String(v.host_path)}:${String(v.container_path)}` : String(v.container_path)];
  });
  if (volumes.length) svc.volumes = volumes;
  const from = list(image.volumes_from).map((v) => (isRecord(v) ? str(v.service) : str(v))).filter((v): v is string => !!v);
  if (from.length) svc.volumes_from = from.map((f) => slugify(f, 'service'));
  const count = isRecord(image.deployment) ? Number(image.deployment.count) : NaN;
  if (Number.isInteger(count) && count > 1) svc.scale = count;
  return svc;
}
