import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateOrigin } from '../../contract';
import { TEMPLATE_FILE } from './sources';

/** One stored template file and where it belongs. */
export interface StoredTemplate {
  id: string;
  origin: TemplateOrigin;
  catalog?: string;
  file: string;
}

/**
 * Where templates live on disk: the built-in set shipped with Berth (assets/templates), the user's library and
 * the cached remote catalogs under the data folder. Ids map to folders only through these roots, and ids are
 * validated by the contract (no separators, no `..`), so an id can never name a path outside them.
 */
export class TemplateFolders {
  readonly library: string;
  readonly catalogs: string;
  readonly deployments: string;

  constructor(
    dataDir: string,
    readonly builtin = builtinDir(),
  ) {
    this.library = path.join(dataDir, 'templates', 'library');
    this.catalogs = path.join(dataDir, 'templates', 'catalogs');
    this.deployments = path.join(dataDir, 'deployments');
  }

  fileOf(id: string): string | undefined {
    const [origin, a, b] = id.split('/');
    if (origin === 'builtin' && a && this.builtin) return path.join(this.builtin, a, TEMPLATE_FILE);
    if (origin === 'library' && a) return path.join(this.library, a, TEMPLATE_FILE);
    if (origin === 'catalog' && a && b) return path.join(this.catalogs, a, b, TEMPLATE_FILE);
    return undefined;
  }

  async all(): Promise<StoredTemplate[]> {
    const out: StoredTemplate[] = [];
    if (this.builtin) for (const slug of await subfolders(this.builtin)) out.push({ id: `builtin/${slug}`, origin: 'builtin', file: path.join(this.builtin, slug, TEMPLATE_FILE) });
    for (const slug of await subfolders(this.library)) out.push({ id: `library/${slug}`, origin: 'library', file: path.join(this.library, slug, TEMPLATE_FILE) });
    for (const catalog of await subfolders(this.catalogs)) {
      for (const slug of await subfolders(path.join(this.catalogs, catalog))) {
        out.push({ id: `catalog/${catalog}/${slug}`, origin: 'catalog', catalog, file: path.join(this.catalogs, catalog, slug, TEMPLATE_FILE) });
      }
    }
    return out.filter((t) => existsSync(t.file));
  }

  /** Replaces a catalog's cached templates in one rename, so a failed refresh never leaves half a catalog. */
  async replaceCatalog(id: string, files: { slug: string; text: string }[]): Promise<void> {
    await mkdir(this.catalogs, { recursive: true });
    const staging = path.join(this.catalogs, `.staging-${id}-${randomBytes(4).toString('hex')}`);
    try {
      for (const f of files) await writeAtomic(path.join(staging, f.slug, TEMPLATE_FILE), f.text);
      const target = path.join(this.catalogs, id);
      const old = `${staging}.old`;
      if (existsSync(target)) await rename(target, old);
      await rename(staging, target);
      await rm(old, { recursive: true, force: true });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}

/** Subfolder names that are slugs (dot-folders, e.g. staging ones, are skipped). */
async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && /^[a-z0-9][a-z0-9._-]*$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Temp file in the same folder, then rename: a crash never leaves half a file. */
export async function writeAtomic(file: string, content: string, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, { mode });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The built-in catalog: BERTH_TEMPLATES_DIR, else Electron's resources/templates, else assets/templates found
 * above this module (the source tree, or dist/ next to assets/ in a checkout).
 */
export function builtinDir(): string | undefined {
  const fromEnv = process.env.BERTH_TEMPLATES_DIR;
  if (fromEnv) return fromEnv;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(path.join(resources, 'templates'))) return path.join(resources, 'templates');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'assets', 'templates');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
