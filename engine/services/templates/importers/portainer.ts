import type { TemplateImportProblem } from '../../../contract';
import { isRecord, slugify } from '../yaml';
import { convertContainer, list, str } from './portainer-container';
import type { Converted } from './types';

export type PortainerFormat = 'v1' | '1.20' | 'v2' | 'v3';

/** Whether a parsed document looks like a Portainer template list, and which of its four formats. */
export function portainerFormat(doc: unknown): PortainerFormat | undefined {
  if (Array.isArray(doc)) {
    const first = doc.find(isRecord);
    if (!first) return doc.length === 0 ? '1.20' : undefined;
    return typeof first.type === 'string' ? 'v1' : typeof first.type === 'number' ? '1.20' : undefined;
  }
  if (!isRecord(doc) || !Array.isArray(doc.templates)) return undefined;
  const v = str(doc.version) ?? '';
  if (v === '2') return 'v2';
  if (v === '3') return 'v3';
  return undefined;
}

const TYPE_NAMES: Record<string, 'container' | 'swarm stack' | 'compose stack'> = {
  '1': 'container',
  container: 'container',
  '2': 'swarm stack',
  stack: 'swarm stack',
  '3': 'compose stack',
};

/**
 * Converts a Portainer list: v1 (array, `type: "container"`), 1.20 (array, integer types), v2
 * (`{version: "2", templates}`) and v3 (the same with `id`s). Container templates convert fully; stack
 * templates name a git repository Berth does not fetch, so each is reported with where its stack file lives.
 */
export function convertPortainer(doc: unknown, what: string): Converted {
  const format = portainerFormat(doc);
  const entries = Array.isArray(doc) ? doc : isRecord(doc) ? list(doc.templates) : [];
  const problems: TemplateImportProblem[] = [];
  if (!format) {
    const version = isRecord(doc) ? str(doc.version) : undefined;
    problems.push({ item: what, message: version ? `Portainer template list version "${version}" is not one Berth knows (v1, 1.20, 2, 3)` : 'not a Portainer template list' });
    return { templates: [], problems };
  }
  const templates: Converted['templates'] = [];
  const used = new Set<string>();
  entries.forEach((entry, i) => {
    const title = isRecord(entry) ? str(entry.title) : undefined;
    const item = `Portainer template ${isRecord(entry) && entry.id !== undefined ? `#${str(entry.id) ?? '?'}` : i + 1}${title ? ` (${title})` : ''}`;
    if (!isRecord(entry)) return problems.push({ item, message: 'not an object; skipped' });
    const kind = TYPE_NAMES[str(entry.type) ?? (format === 'v1' ? 'container' : '')];
    if (kind === undefined) return problems.push({ item, message: `unknown template type ${JSON.stringify(entry.type)}; not imported` });
    if (kind !== 'container') {
      const repo = isRecord(entry.repository) ? `${str(entry.repository.url) ?? '?'} (${str(entry.repository.stackfile) ?? 'docker-compose.yml'})` : 'no repository';
      return problems.push({ item, message: `a ${kind} whose compose file lives in a git repository: ${repo}; Berth does not fetch git repositories, import that compose file instead` });
    }
    const template = convertContainer(entry, item, problems);
    if (!template) return;
    templates.push({ name: unique(slugify(template.metadata.title), used), template });
  });
  return { templates, problems };
}

/** A name not used yet in this import: `redis`, `redis-2`, ... */
export function unique(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}-${n}`;
  used.add(candidate);
  return candidate;
}
