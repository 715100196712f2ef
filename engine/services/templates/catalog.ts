import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, type TemplateCatalog } from '../../contract';
import { BerthError } from '../../base/errors';
import { unique } from './importers/portainer';
import { convertText } from './importers';
import { writeAtomic, type TemplateFolders } from './folders';
import { fetchText, type FetchLimits } from './sources';
import { renderTemplate } from './template-file';
import { isRecord, slugify } from './yaml';

/**
 * Remote catalogs (Portainer lists by URL): the list of catalogs in templates/catalogs.json, each one's converted
 * templates cached as folders, so the catalog works offline; refresh fetches again and keeps the cache on failure.
 */
export class RemoteCatalogs {
  private readonly index: string;

  constructor(
    private readonly folders: TemplateFolders,
    private readonly limits: FetchLimits = {},
  ) {
    this.index = path.join(path.dirname(folders.catalogs), 'catalogs.json');
  }

  async list(): Promise<TemplateCatalog[]> {
    const text = await readFile(this.index, 'utf8').catch((err: { code?: string }) => {
      if (err.code === 'ENOENT') return '[]';
      throw err;
    });
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((c): c is TemplateCatalog => isRecord(c) && typeof c.id === 'string' && typeof c.url === 'string') : [];
  }

  async add(url: string, title?: string): Promise<TemplateCatalog> {
    const all = await this.list();
    if (all.some((c) => c.url === url)) throw new BerthError(ErrorCode.CONFLICT, `The catalog ${url} is already added; refresh it instead.`);
    const id = unique(slugify(title ?? new URL(url).hostname, 'catalog'), new Set(all.map((c) => c.id)));
    const catalog = await this.fetch({ id, url, title: title ?? new URL(url).hostname, templates: 0, problems: [] });
    if (catalog.error) throw new BerthError(ErrorCode.INVALID_ARGUMENT, catalog.error);
    await this.save([...all, catalog]);
    return catalog;
  }

  async refresh(id: string): Promise<TemplateCatalog> {
    const all = await this.list();
    const current = all.find((c) => c.id === id);
    if (!current) throw new BerthError(ErrorCode.NOT_FOUND, `No catalog ${id}. Add it by its URL first.`);
    const next = await this.fetch(current);
    await this.save(all.map((c) => (c.id === id ? next : c)));
    return next;
  }

  async remove(id: string): Promise<void> {
    const all = await this.list();
    if (!all.some((c) => c.id === id)) throw new BerthError(ErrorCode.NOT_FOUND, `No catalog ${id}.`);
    await this.save(all.filter((c) => c.id !== id));
    await rm(path.join(this.folders.catalogs, id), { recursive: true, force: true });
  }

  /** Fetches and converts; on failure returns the catalog unchanged but with the error (the cache stays). */
  private async fetch(catalog: TemplateCatalog): Promise<TemplateCatalog> {
    try {
      const converted = convertText(await fetchText(catalog.url, this.limits), catalog.url);
      const used = new Set<string>();
      await this.folders.replaceCatalog(catalog.id, converted.templates.map((t) => ({ slug: unique(t.name, used), text: renderTemplate(t.template) })));
      const { error: _previous, ...rest } = catalog;
      return { ...rest, fetchedAt: Date.now(), templates: converted.templates.length, problems: converted.problems };
    } catch (err) {
      return { ...catalog, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private save(all: TemplateCatalog[]): Promise<void> {
    return writeAtomic(this.index, `${JSON.stringify(all, null, 2)}\n`);
  }
}

