import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, type TemplateDetail, type TemplateListResult, type TemplateSummary } from '../../contract';
import { BerthError } from '../../base/errors';
import { writeAtomic, type StoredTemplate, type TemplateFolders } from './folders';
import { readSourceFile } from './sources';
import { parseTemplate, renderTemplate, type Template } from './template-file';
import { isRecord } from './yaml';

/** A stored template read back: where it is, its file text and the parsed template. */
export interface LoadedTemplate {
  stored: StoredTemplate;
  text: string;
  template: Template;
}

/** Reading, searching, saving and removing stored templates (built-in, library and cached catalogs). */
export class TemplateLibrary {
  constructor(readonly folders: TemplateFolders) {}

  async list(filter: { search?: string | undefined; category?: string | undefined } = {}): Promise<TemplateListResult> {
    const unreadable: TemplateListResult['unreadable'] = [];
    const summaries: TemplateSummary[] = [];
    for (const stored of await this.folders.all()) {
      try {
        summaries.push(summaryOf(stored, parseTemplate(await readSourceFile(stored.file), stored.id)));
      } catch (err) {
        unreadable.push({ id: stored.id, message: err instanceof Error ? err.message : String(err) });
      }
    }
    const categories = [...new Set(summaries.flatMap((s) => s.categories))].sort((a, b) => a.localeCompare(b));
    const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const category = filter.category?.toLowerCase();
    const templates = summaries.filter((s) => {
      if (category && !s.categories.some((c) => c.toLowerCase() === category)) return false;
      const hay = [s.title, s.description ?? '', s.id, ...s.categories, ...s.services].join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    return { templates, categories, unreadable };
  }

  async load(id: string): Promise<LoadedTemplate> {
    const file = this.folders.fileOf(id);
    if (!file || !existsSync(file)) throw new BerthError(ErrorCode.NOT_FOUND, `No template ${id}. List them with templates.list (berth template list).`);
    const [origin = '', catalog] = id.split('/');
    const stored: StoredTemplate = { id, origin: origin as StoredTemplate['origin'], file, ...(origin === 'catalog' && catalog ? { catalog } : {}) };
    const text = await readSourceFile(file);
    return { stored, text, template: parseTemplate(text, id) };
  }

  async get(id: string): Promise<TemplateDetail> {
    const { stored, text, template } = await this.load(id);
    return { summary: summaryOf(stored, template), metadata: template.metadata, parameters: template.parameters, compose: text };
  }

  /** Writes a template into the library; CONFLICT when the name is taken and `overwrite` is not set. */
  async save(slug: string, template: Template, overwrite = false): Promise<TemplateSummary> {
    const prepared = this.prepare(slug, template, overwrite);
    await prepared.write();
    return prepared.summary;
  }

  /**
   * Everything a save checks (the name is free or may be overwritten, the file renders and reads back), without
   * writing: `write()` stores it. Dry-run imports stop before `write()`.
   */
  prepare(slug: string, template: Template, overwrite = false): { summary: TemplateSummary; replaces: boolean; write: () => Promise<void> } {
    const file = path.join(this.folders.library, slug, 'compose.yaml');
    const replaces = existsSync(file);
    if (!overwrite && replaces) throw new BerthError(ErrorCode.CONFLICT, `The library already has a template named ${slug}. Choose another name or overwrite it.`);
    const text = renderTemplate(template);
    // Read back through the same parser users' files go through: what is saved is always loadable.
    const id = `library/${slug}`;
    parseTemplate(text, id);
    return { summary: summaryOf({ id, origin: 'library', file }, template), replaces, write: () => writeAtomic(file, text) };
  }

  async remove(id: string): Promise<void> {
    if (!id.startsWith('library/')) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${id} is not in your library; built-in templates cannot be removed and catalog ones go with their catalog.`);
    const file = this.folders.fileOf(id);
    if (!file || !existsSync(file)) throw new BerthError(ErrorCode.NOT_FOUND, `No template ${id}.`);
    await rm(path.dirname(file), { recursive: true, force: true });
  }
}

export function summaryOf(stored: StoredTemplate, t: Template): TemplateSummary {
  const { title, description, categories, logo, maintainer, version } = t.metadata;
  return {
    id: stored.id,
    origin: stored.origin,
    ...(stored.catalog ? { catalog: stored.catalog } : {}),
    title,
    ...(description ? { description } : {}),
    categories,
    ...(logo ? { logo } : {}),
    ...(maintainer ? { maintainer } : {}),
    ...(version ? { version } : {}),
    services: isRecord(t.compose.services) ? Object.keys(t.compose.services) : [],
    parameters: t.parameters.length,
  };
}
