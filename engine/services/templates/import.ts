import path from 'node:path';
import { ErrorCode, type MethodParams, type TemplateImportProblem, type TemplateImportResult, type TemplateSummary } from '../../contract';
import { BerthError } from '../../base/errors';
import { checkLoads } from './deploy';
import { convertDockerRun, convertText, type ImportFormat } from './importers';
import { unique } from './importers/portainer';
import type { Converted } from './importers/types';
import type { TemplateLibrary } from './library';
import { localPaths } from './paths';
import { fetchText, folderEntries, readSourceFile, type FetchLimits } from './sources';
import { checkTemplate, renderTemplate, type Template } from './template-file';

type ImportSource = MethodParams<'templates.import'>['source'];

/**
 * Reads a source, converts it and stores each template in the library; what failed is in `problems`. With `dryRun`
 * every check runs (names taken, files that render and load) but nothing is written.
 */
export async function importTemplates(lib: TemplateLibrary, p: MethodParams<'templates.import'>, limits: FetchLimits = {}): Promise<TemplateImportResult> {
  const { format, templates, problems } = await convertSource(p.source, limits);
  if (p.name && templates.length !== 1) problems.push({ item: 'name', message: `a name applies to a single template; this source has ${templates.length}, so each keeps its own` });
  const imported: TemplateSummary[] = [];
  const replaced: string[] = [];
  const used = new Set<string>();
  for (const { name, template } of templates) {
    const slug = unique(p.name && templates.length === 1 ? p.name : name, used);
    const item = `template ${slug} (${template.metadata.title})`;
    try {
      checkTemplate(template, item);
      for (const local of localPaths(template.compose)) problems.push({ item, message: `${local.where} uses ${local.path}, a file next to the compose file; a template carries only its compose.yaml, so add that file yourself or change the path` });
      const text = renderTemplate(template);
      const values = defaultsIfComplete(template);
      if (values) await checkLoads(text, values, item);
      const prepared = lib.prepare(slug, template, p.overwrite === true);
      if (!p.dryRun) await prepared.write();
      imported.push(prepared.summary);
      if (prepared.replaces) replaced.push(prepared.summary.id);
    } catch (err) {
      const existing = err instanceof BerthError && err.code === ErrorCode.CONFLICT ? { existing: `library/${slug}` } : {};
      problems.push({ item, message: err instanceof Error ? err.message : String(err), ...existing });
    }
  }
  return { format, imported, problems, ...(replaced.length ? { replaced } : {}), ...(p.dryRun ? { dryRun: true } : {}) };
}

async function convertSource(source: ImportSource, limits: FetchLimits): Promise<{ format: ImportFormat } & Converted> {
  if ('dockerRun' in source) return { format: 'docker-run', ...convertDockerRun(source.dockerRun) };
  if ('text' in source) return convertText(source.text, source.fileName ?? 'the pasted text');
  if ('url' in source) return convertText(await fetchText(source.url, limits), source.url);
  if (/\.(json|pmx|ya?ml)$/i.test(source.path)) return convertText(await readSourceFile(source.path), source.path);
  return convertFolder(source.path);
}

/** A folder: one template, or one level of template subfolders and files; README.md becomes missing documentation. */
async function convertFolder(dir: string): Promise<{ format: ImportFormat } & Converted> {
  const templates: Converted['templates'] = [];
  const problems: TemplateImportProblem[] = [];
  const formats = new Set<ImportFormat>();
  for (const entry of await folderEntries(dir)) {
    try {
      const converted = convertText(await readSourceFile(entry.file), entry.file);
      formats.add(converted.format);
      const readme = entry.readme ? await readSourceFile(entry.readme) : undefined;
      for (const t of converted.templates) {
        if (readme && !t.template.metadata.documentation) t.template.metadata.documentation = readme;
        // A compose file named after its folder ("myapp/compose.yaml") takes the folder's name.
        templates.push(converted.format === 'compose' ? { ...t, name: t.name || path.basename(path.dirname(entry.file)) } : t);
      }
      problems.push(...converted.problems);
    } catch (err) {
      problems.push({ item: entry.file, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { format: formats.size === 1 ? ([...formats][0] ?? 'compose') : 'compose', templates, problems };
}

/** Every parameter's default (or first option) when all have one; undefined when a value only a user can give is missing. */
function defaultsIfComplete(t: Template): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const p of t.parameters) {
    const v = p.default ?? p.options?.[0]?.value;
    if (v === undefined) return undefined;
    values[p.name] = v;
  }
  return values;
}
