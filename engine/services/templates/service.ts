import type { MethodParams, TaskRef, TemplateImportResult } from '../../contract';
import type { Caller } from '../../base/audit';
import type { DomainCall } from '../context';
import { RemoteCatalogs } from './catalog';
import { defaultProjectName, previewTemplate, writeDeployment } from './deploy';
import { exportFiles, exportPortainerList } from './export';
import { TemplateFolders } from './folders';
import { saveProjectAsTemplate } from './from-project';
import { importTemplates } from './import';
import { TemplateLibrary } from './library';
import { resolveValues } from './params';
import type { FetchLimits } from './sources';

export interface TemplatesOptions {
  dataDir: string;
  /** Reaches compose's use cases (up, projects.get, config) through the dispatcher. */
  call: DomainCall;
  /** The built-in catalog's folder (default: assets/templates, see folders.ts). */
  builtinDir?: string;
  fetchLimits?: FetchLimits;
}

/**
 * The templates domain: the stored templates (built-in, library, cached catalogs), imports, deploys as compose
 * projects and exports. Compose itself is reached only through its public loader entry and `call` (ADR 10).
 */
export class TemplatesService {
  readonly folders: TemplateFolders;
  readonly library: TemplateLibrary;
  readonly catalogs: RemoteCatalogs;
  private readonly call: DomainCall;
  private readonly limits: FetchLimits;

  constructor(options: TemplatesOptions) {
    this.folders = new TemplateFolders(options.dataDir, ...(options.builtinDir !== undefined ? [options.builtinDir] : []));
    this.library = new TemplateLibrary(this.folders);
    this.limits = options.fetchLimits ?? {};
    this.catalogs = new RemoteCatalogs(this.folders, this.limits);
    this.call = options.call;
  }

  import(p: MethodParams<'templates.import'>): Promise<TemplateImportResult> {
    return importTemplates(this.library, p, this.limits);
  }

  async preview({ id, values, projectName }: MethodParams<'templates.preview'>) {
    return previewTemplate(await this.library.load(id), values, projectName);
  }

  /** Validates and previews, writes the deployment folder, then starts compose's own `up` task. */
  async deploy(p: MethodParams<'templates.deploy'>, caller: Caller): Promise<TaskRef & { projectName: string }> {
    const t = await this.library.load(p.id);
    const projectName = p.projectName ?? defaultProjectName(t);
    await previewTemplate(t, p.values, projectName);
    if (p.target === 'stack') {
      // The template's text with its values as the stack's environment: the same interpolation, as a swarm stack.
      const ref = await this.call('stacks.deploy', { name: projectName, source: { content: t.text, env: resolveValues(t.template.parameters, p.values) } }, caller);
      return { taskId: ref.taskId, projectName };
    }
    const source = await writeDeployment(t, p.values, this.folders.deployments, projectName);
    const ref = await this.call('compose.up', { source }, caller);
    return { ...ref, projectName };
  }

  fromProject(p: MethodParams<'templates.fromProject'>, caller: Caller): Promise<TemplateImportResult> {
    return saveProjectAsTemplate(this.library, this.call, caller, p);
  }

  async export({ id, as }: MethodParams<'templates.export'>) {
    return exportFiles(await this.library.load(id), as);
  }

  exportCatalog(p: MethodParams<'templates.exportCatalog'>) {
    return exportPortainerList(this.library, p);
  }
}
