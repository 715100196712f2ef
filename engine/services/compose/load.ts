import os from 'node:os';
import path from 'node:path';
import { checkReferences } from './checks';
import { readUserFile } from './envfiles';
import { applyExtends, type LoadedFile } from './extends';
import { findComposeFiles, projectEnvironment, type ProjectEnvironment } from './files';
import { interpolateValue } from './interpolate';
import { isMapping, mergeTagged, type Mapping } from './merge';
import { type ComposeProject, type LoadOptions, type ServiceConfig } from './model';
import { normaliseResources } from './normalize/resources';
import { normaliseService } from './normalize/service';
import { ComposeIssue, formatPath, ProblemList, toBerthError } from './problems';
import { parseProfiles, profilesOfService, selectServices } from './profiles';
import { resolveProjectName } from './project-name';
import { SourceIndex } from './source-index';
import { validateAgainstSchema } from './validate';
import { parseComposeYaml } from './yaml-source';

/**
 * Loads a compose project the way `docker compose config` does, in pure TypeScript: parse each file defensively,
 * interpolate, validate against the compose-spec schema, apply `extends`, merge the -f files, select services by
 * profile, normalise to the canonical model and check cross-references. Every problem is collected; the thrown
 * BerthError('INVALID_ARGUMENT') names the first one as `file:line:col: key.path: message`.
 */
export async function loadProject(options: LoadOptions): Promise<ComposeProject> {
  const baseDir = path.resolve(options.workingDir ?? process.cwd());
  const processEnv = options.env ?? {};
  let files: string[];
  try {
    files = await findComposeFiles(options, baseDir, (n) => processEnv[n]);
  } catch (err) {
    throw asBerthError(err);
  }
  const workingDir = options.workingDir !== undefined ? baseDir : path.dirname(files[0] ?? baseDir);
  let env: ProjectEnvironment;
  try {
    env = await projectEnvironment(options, workingDir);
  } catch (err) {
    throw asBerthError(err);
  }
  const loader = new FileLoader(workingDir, env);
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const lf = await loader.load(file);
    if (lf) loaded.push(lf);
  }
  loader.problems.throwIfAny();

  let merged: Mapping = {};
  for (const [i, lf] of loaded.entries()) {
    const value = await applyExtends(lf, (abs) => loader.loadForExtends(abs), (issue) => loader.report(issue, lf.file));
    merged = i === 0 ? value : (mergeTagged(merged, { value, resets: lf.resets, overrides: lf.overrides }) as Mapping);
  }
  loader.problems.throwIfAny();
  return finishProject(merged, { options, files, workingDir, env, loader });
}

function asBerthError(err: unknown): Error {
  if (err instanceof ComposeIssue) return toBerthError([{ path: formatPath(err.path), message: err.message }]);
  return err instanceof Error ? err : new Error(String(err));
}

/** Reads, parses, interpolates and validates single files, remembering positions for later problems. */
class FileLoader {
  readonly problems = new ProblemList();
  readonly index: SourceIndex;
  private readonly cache = new Map<string, Promise<LoadedFile | undefined>>();

  constructor(
    workingDir: string,
    private readonly env: ProjectEnvironment,
  ) {
    this.index = new SourceIndex(workingDir);
  }

  report(issue: ComposeIssue, file?: string): void {
    this.problems.add(this.index.locate(issue.path, issue.message, file));
  }

  load(file: string): Promise<LoadedFile | undefined> {
    let pending = this.cache.get(file);
    if (!pending) {
      pending = this.read(file);
      this.cache.set(file, pending);
    }
    return pending;
  }

  async loadForExtends(file: string): Promise<LoadedFile> {
    const lf = await this.load(file);
    if (!lf) throw new ComposeIssue(`cannot extend from ${this.index.display(file)}: that file has errors`);
    return lf;
  }

  private async read(file: string): Promise<LoadedFile | undefined> {
    const display = this.index.display(file);
    let text: string;
    try {
      text = await readUserFile(file, 'compose file');
    } catch (err) {
      if (!(err instanceof ComposeIssue)) throw err;
      this.problems.add({ file: display, path: '', message: err.message });
      return undefined;
    }
    const { parsed, problems } = parseComposeYaml(text);
    if (parsed) this.index.add(file, parsed.positions);
    for (const p of problems) {
      if (p.pos) this.problems.add({ file: display, line: p.pos.line, column: p.pos.column, path: formatPath(p.path ?? []), message: p.message });
      else this.report(new ComposeIssue(p.message, p.path ?? []), file);
    }
    if (!parsed || problems.length > 0) return undefined;
    if (parsed.value === null) {
      this.problems.add({ file: display, path: '', message: 'the compose file is empty' });
      return undefined;
    }
    if (!isMapping(parsed.value)) {
      this.problems.add({ file: display, line: 1, column: 1, path: '', message: 'a compose file must be a mapping at the top level' });
      return undefined;
    }
    const before = this.problems.problems.length;
    const onUnset = (name: string) => this.env.unset.add(name);
    const value = interpolateValue(parsed.value, { lookup: this.env.lookup, onUnset, onError: (issue) => this.report(issue, file) });
    for (const p of validateAgainstSchema(value)) this.report(new ComposeIssue(p.message, p.path), file);
    if (this.problems.problems.length > before) return undefined;
    return { file, value: value as Mapping, resets: parsed.resets, overrides: parsed.overrides };
  }
}

interface FinishContext {
  options: LoadOptions;
  files: string[];
  workingDir: string;
  env: ProjectEnvironment;
  loader: FileLoader;
}

async function finishProject(merged: Mapping, ctx: FinishContext): Promise<ComposeProject> {
  const { options, env, loader, workingDir } = ctx;
  const report = (issue: ComposeIssue) => loader.report(issue);
  const warnings: string[] = [];
  if (merged.version !== undefined) warnings.push('the top-level "version" key is obsolete and ignored');
  let name = '';
  try {
    name = resolveProjectName({ option: options.projectName, env: env.lookup('COMPOSE_PROJECT_NAME'), topLevel: typeof merged.name === 'string' ? merged.name : undefined, workingDir });
  } catch (err) {
    if (!(err instanceof ComposeIssue)) throw err;
    report(err);
  }
  const profiles = options.profiles && options.profiles.length > 0 ? parseProfiles(options.profiles) : parseProfiles([env.lookup('COMPOSE_PROFILES')]);
  const rawServices: Mapping = isMapping(merged.services) ? merged.services : {};
  for (const target of options.services ?? []) {
    if (!Object.hasOwn(rawServices, target)) report(new ComposeIssue(`no such service: "${target}"`));
  }
  const { enabled, disabled } = selectServices(rawServices, profiles, options.services ?? []);
  const home = env.lookup('HOME') ?? os.homedir();
  const serviceCtx = { workingDir, home, lookup: env.lookup, onUnset: (n: string) => env.unset.add(n), report };
  const services: Record<string, ServiceConfig> = {};
  for (const svcName of Object.keys(rawServices)) {
    const raw = rawServices[svcName];
    if (!enabled.has(svcName) || !isMapping(raw)) continue;
    services[svcName] = await normaliseService(svcName, raw, serviceCtx);
  }
  checkDisabledDependencies(services, rawServices, warnings, report);
  const resources = await normaliseResources(merged, services, { projectName: name, workingDir, home, report });
  const extensions = Object.fromEntries(Object.entries(merged).filter(([k]) => k.startsWith('x-')));
  const project: ComposeProject = {
    name,
    workingDir,
    composeFiles: ctx.files,
    services,
    ...resources,
    disabledServices: disabled.sort(),
    profiles,
    extensions,
    warnings,
  };
  checkReferences(project, report);
  for (const variable of [...env.unset].sort()) warnings.push(`The "${variable}" variable is not set. Defaulting to a blank string.`);
  loader.problems.throwIfAny();
  return project;
}

/** depends_on a service that is disabled by profiles (or missing) is an error unless `required: false`. */
function checkDisabledDependencies(services: Record<string, ServiceConfig>, raw: Mapping, warnings: string[], report: (i: ComposeIssue) => void): void {
  for (const [name, svc] of Object.entries(services)) {
    for (const [dep, cfg] of Object.entries(svc.depends_on ?? {})) {
      if (services[dep] !== undefined) continue;
      const exists = Object.hasOwn(raw, dep);
      if (!cfg.required) {
        warnings.push(`service "${name}" depends on "${dep}", which is ${exists ? 'disabled' : 'not defined'}; ignored because required is false`);
        delete svc.depends_on?.[dep];
        continue;
      }
      const why = exists
        ? `which is disabled: activate one of its profiles (${profilesOfService(raw[dep]).join(', ')})`
        : 'which is not defined';
      report(new ComposeIssue(`service "${name}" depends on service "${dep}", ${why}`, ['services', name, 'depends_on', dep]));
    }
  }
}
