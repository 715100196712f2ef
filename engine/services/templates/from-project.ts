import type { ComposeSource, TemplateImportResult } from '../../contract';
import type { Caller } from '../../base/audit';
import type { DomainCall } from '../context';
import { convertComposeFile } from './importers/compose-file';
import type { TemplateLibrary } from './library';
import { localPaths } from './paths';
import { readSourceFile } from './sources';
import { parseTemplate } from './template-file';
import { invalid, isRecord, parseUntrusted } from './yaml';

/**
 * Saves a compose project as a library template. One compose file is kept as written (a project deployed from
 * a template keeps its parameters; variables of a plain file become parameters); several files are merged by
 * the compose domain (`compose.config`), whose resolved values are then fixed, and the result says so.
 */
export async function saveProjectAsTemplate(
  lib: TemplateLibrary,
  call: DomainCall,
  caller: Caller,
  p: { project: string; name: string; title?: string | undefined; overwrite?: boolean | undefined },
): Promise<TemplateImportResult> {
  const detail = await call('compose.projects.get', { name: p.project }, caller);
  const source: ComposeSource | undefined = detail.source;
  if (!source) throw invalid(`Berth does not know the compose files of project ${p.project}; open it from its folder first, then save it as a template.`);
  const problems: TemplateImportResult['problems'] = [];
  let text: string;
  if (source.files.length === 1 && source.files[0]) {
    text = await readSourceFile(source.files[0]);
  } else {
    text = (await call('compose.config', { source }, caller)).yaml;
    problems.push({ item: p.project, message: `the project has ${source.files.length || 'default'} compose files; the template holds their merged configuration, with variables already resolved` });
  }
  const doc = parseUntrusted(text, p.project);
  if (!isRecord(doc)) throw invalid(`The compose file of ${p.project} is not a mapping.`);
  const template = doc['x-berth'] !== undefined ? parseTemplate(text, p.project) : convertComposeFile({ ...doc, name: p.project }, p.project).templates[0]?.template;
  if (!template) throw invalid(`${p.project} could not be turned into a template.`);
  if (p.title) template.metadata.title = p.title;
  for (const local of localPaths(template.compose)) {
    problems.push({ item: p.project, message: `${local.where} uses ${local.path} next to the project's files; the template does not carry it` });
  }
  return { format: 'compose', imported: [await lib.save(p.name, template, p.overwrite === true)], problems };
}
