import type { TemplateImportResult } from '../../../contract';
import { parseTemplate } from '../template-file';
import { invalid, isRecord, parseUntrusted, slugify } from '../yaml';
import { convertComposeFile } from './compose-file';
import { convertDockerRun } from './docker-run';
import { convertPmx, isPmx } from './pmx';
import { convertPortainer, portainerFormat } from './portainer';
import type { Converted } from './types';

export type ImportFormat = TemplateImportResult['format'];

/**
 * Any supported text → templates, recognising the format from the content (never from the file name alone):
 * a docker run line, a Berth template (x-berth), a Portainer list, a Panamax .pmx, or a compose file.
 */
export function convertText(text: string, what: string): { format: ImportFormat } & Converted {
  if (/^\s*(sudo\s+)?(docker|podman|nerdctl)\s+(container\s+)?run\b/.test(text)) return { format: 'docker-run', ...convertDockerRun(text) };
  const doc = parseUntrusted(text, what);
  if (portainerFormat(doc)) return { format: 'portainer', ...convertPortainer(doc, what) };
  if (!isRecord(doc)) throw invalid(`${what} is not a template: expected a Berth template, a compose file, a Portainer list or a Panamax .pmx file.`);
  if (doc['x-berth'] !== undefined) {
    const template = parseTemplate(text, what);
    return { format: 'berth', templates: [{ name: slugify(template.metadata.title), template }], problems: [] };
  }
  if (isPmx(doc)) return { format: 'pmx', ...convertPmx(doc, what) };
  if (Array.isArray(doc.templates)) return { format: 'portainer', ...convertPortainer(doc, what) };
  if (isRecord(doc.services)) return { format: 'compose', ...convertComposeFile(doc, what) };
  throw invalid(`${what} is not a template: expected a Berth template, a compose file, a Portainer list or a Panamax .pmx file.`);
}

export { convertDockerRun };
