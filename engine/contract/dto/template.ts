/**
 * Application templates: a compose project plus metadata and parameters, stored as a folder whose compose.yaml
 * carries an `x-berth` block. Parameters are substituted at deploy time as `${NAME}` by the compose loader.
 */

/** Where a template comes from: shipped with Berth, the user's library folder, or a cached remote catalog. */
export type TemplateOrigin = 'builtin' | 'library' | 'catalog';

export interface TemplateOption {
  value: string;
  label?: string;
}

/** One deploy-time input, referenced in the compose file as `${name}`. */
export interface TemplateParameter {
  /** An environment-variable name: letters, digits and `_`, not starting with a digit. */
  name: string;
  label: string;
  description?: string;
  default?: string;
  required: boolean;
  /** Shown masked; its value is written only to the deployed project's private .env, never to a template. */
  secret: boolean;
  /** A select list: the value must be one of these. */
  options?: TemplateOption[];
  /** A regular expression the whole value must match. */
  pattern?: string;
}

export interface TemplateMetadata {
  title: string;
  description?: string;
  categories: string[];
  /** An http(s) or data: URL, or a file name inside the template folder. */
  logo?: string;
  /** Markdown. */
  documentation?: string;
  maintainer?: string;
  version?: string;
}

export interface TemplateSummary {
  /** `builtin/<slug>`, `library/<slug>` or `catalog/<catalog>/<slug>`. */
  id: string;
  origin: TemplateOrigin;
  /** The catalog id for origin 'catalog'. */
  catalog?: string;
  title: string;
  description?: string;
  categories: string[];
  logo?: string;
  maintainer?: string;
  version?: string;
  services: string[];
  parameters: number;
}

export interface TemplateDetail {
  summary: TemplateSummary;
  metadata: TemplateMetadata;
  parameters: TemplateParameter[];
  /** The template's compose.yaml as stored (with its x-berth block and `${NAME}` references). */
  compose: string;
}

export interface TemplateListResult {
  templates: TemplateSummary[];
  /** Every category of the listed origins, sorted, for the catalog's filter. */
  categories: string[];
  /** Stored templates that could not be read (edited by hand, say), so they are not silently missing. */
  unreadable: { id: string; message: string }[];
}

/** Something an importer could not carry over, named so the user can fix it by hand. */
export interface TemplateImportProblem {
  /** The entry it concerns, e.g. "Portainer template 3 (Redis)" or "pmx image db". */
  item: string;
  message: string;
  /** Set when the entry was not stored because the library already has this template (import again with overwrite). */
  existing?: string;
}

export interface TemplateImportResult {
  format: 'berth' | 'compose' | 'portainer' | 'pmx' | 'docker-run';
  /** Stored (or, in a dry run, that would be stored). */
  imported: TemplateSummary[];
  /** Entries or fields not converted; never silently dropped. */
  problems: TemplateImportProblem[];
  /** Ids of `imported` entries that replaced (or would replace) a template of the library, with `overwrite`. */
  replaced?: string[];
  /** Set when nothing was written: the report says what an import would do. */
  dryRun?: boolean;
}

/** The resolved compose file a deploy would use, as `docker compose config` prints it. */
export interface TemplatePreview {
  projectName: string;
  yaml: string;
  warnings: string[];
}

/** A file of an exported template: `compose.yaml` (and `README.md` for a folder export). */
export interface TemplateExportFile {
  path: string;
  content: string;
}

/** A remote catalog (a Portainer template list by URL), cached in the data folder for offline use. */
export interface TemplateCatalog {
  id: string;
  url: string;
  title: string;
  /** Epoch ms of the last successful fetch. */
  fetchedAt?: number;
  templates: number;
  /** Entries of the last fetch that could not be converted. */
  problems: TemplateImportProblem[];
  /** The last refresh's error; the cached copy stays usable. */
  error?: string;
}
