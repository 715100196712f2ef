import { z } from 'zod';
import type {
  TaskRef,
  TemplateCatalog,
  TemplateDetail,
  TemplateExportFile,
  TemplateImportResult,
  TemplateListResult,
  TemplatePreview,
} from '../dto';
import { composeProjectName } from './compose';
import { def } from './define';

const slug = '[a-z0-9][a-z0-9._-]{0,99}';
/** `builtin/<slug>`, `library/<slug>` or `catalog/<catalog>/<slug>`: no `..`, no other separators. */
export const templateId = z
  .string()
  .max(300)
  .regex(new RegExp(`^(builtin/${slug}|library/${slug}|catalog/${slug}/${slug})$`), 'Not a template id (e.g. library/my-app)');
export const templateSlug = z.string().regex(new RegExp(`^${slug}$`), 'A template name has lowercase letters, digits, ".", "-" and "_"');
const catalogId = z.string().regex(new RegExp(`^${slug}$`), 'Not a catalog id');

/** Parameter values by name; names as environment variables, values single strings. */
export const templateValues = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'A parameter name is a variable name'), z.string().max(65_536))
  .default({});

const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'An http:// or https:// URL is required');
const hostPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p)), 'An absolute path is required');

/** Where an import reads from: a file or folder on the backend's machine, a URL, pasted text, or a docker run line. */
export const templateImportSource = z.union([
  z.object({ path: hostPath }).strict(),
  z.object({ url: httpUrl }).strict(),
  z.object({ text: z.string().min(1).max(4_000_000), fileName: z.string().max(255).optional() }).strict(),
  z.object({ dockerRun: z.string().min(1).max(65_536) }).strict(),
]);

export const templatesMethods = {
  /** Built-in, library and cached catalog templates; `search` matches title, description and categories. */
  'templates.list': def<TemplateListResult>()(
    z.object({ search: z.string().max(200).optional(), category: z.string().max(100).optional() }).strict(),
    'read',
  ),
  'templates.get': def<TemplateDetail>()(z.object({ id: templateId }).strict(), 'read'),
  /**
   * Converts and stores templates in the user's library. Portainer lists (v1, 1.20, v2, v3), Panamax .pmx,
   * compose files, Berth templates and docker run lines; everything not converted is in `problems`.
   */
  'templates.import': def<TemplateImportResult>()(
    z
      .object({
        source: templateImportSource,
        name: templateSlug.optional(),
        overwrite: z.boolean().optional(),
        /** Read, convert and check everything, report what would be created or replaced, and write nothing. */
        dryRun: z.boolean().optional(),
      })
      .strict(),
    'operate',
  ),
  /** Validates the values (required, options, pattern) and returns the resolved compose file. */
  'templates.preview': def<TemplatePreview>()(
    z.object({ id: templateId, values: templateValues, projectName: composeProjectName.optional() }).strict(),
    'read',
  ),
  /** Deploys as a compose project (the `compose.up` task), or with `target: 'stack'` as a swarm stack (`stacks.deploy`, needs a manager). */
  'templates.deploy': def<TaskRef & { projectName: string }>()(
    z
      .object({
        id: templateId,
        values: templateValues,
        projectName: composeProjectName.optional(),
        target: z.enum(['compose', 'stack']).default('compose'),
      })
      .strict(),
    'operate',
  ),
  /** Saves a compose project Berth knows the files of as a library template. */
  'templates.fromProject': def<TemplateImportResult>()(
    z.object({ project: composeProjectName, name: templateSlug, title: z.string().min(1).max(200).optional(), overwrite: z.boolean().optional() }).strict(),
    'operate',
  ),
  /** The files of a template: one compose.yaml (`file`), or compose.yaml plus README.md (`folder`). */
  'templates.export': def<TemplateExportFile[]>()(
    z.object({ id: templateId, as: z.enum(['file', 'folder']).default('file') }).strict(),
    'read',
  ),
  /**
   * Templates as a Portainer v3 list (JSON text). One-service templates become container templates; others are
   * compose stacks, which Portainer reads from a git repository: give `repositoryUrl` (where you will push the
   * exported folders, each at `<name>/compose.yaml`) or they are named in `problems`.
   */
  'templates.exportCatalog': def<{ json: string; problems: { item: string; message: string }[] }>()(
    z
      .object({
        origins: z.array(z.enum(['builtin', 'library', 'catalog'])).max(3).optional(),
        repositoryUrl: httpUrl.optional(),
      })
      .strict(),
    'read',
  ),
  'templates.remove': def<void>()(z.object({ id: templateId }).strict(), 'operate'),

  'templates.catalogs.list': def<TemplateCatalog[]>()(z.object({}).strict(), 'read'),
  /** Fetches the list now and caches it; fails (and adds nothing) when it cannot be fetched or read. */
  'templates.catalogs.add': def<TemplateCatalog>()(
    z.object({ url: httpUrl, title: z.string().min(1).max(200).optional() }).strict(),
    'operate',
  ),
  /** Fetches again; on failure the cached copy stays and the catalog records the error. */
  'templates.catalogs.refresh': def<TemplateCatalog>()(z.object({ id: catalogId }).strict(), 'operate'),
  'templates.catalogs.remove': def<void>()(z.object({ id: catalogId }).strict(), 'operate'),
} as const;
