import os from 'node:os';
import path from 'node:path';
import { checkReferences } from './checks';
import { coverageWarnings } from './coverage';
import { FileLoader, loadAndMerge } from './file-loader';
import { findComposeFiles, projectEnvironment, type ProjectEnvironment } from './files';
import { applyIncludes } from './include';
import { isMapping, type Mapping } from './merge';
import { type ComposeProject, type LoadOptions, type ServiceConfig } from './model';
import { normaliseResources } from './normalize/resources';
import { normaliseService } from './normalize/service';
import { ComposeIssue, formatPath, toBerthError } from './problems';
import { parseProfiles, profilesOfService, selectServices } from './profiles';
import { resolveProjectName } from './project-name';
import { SourceIndex } from './source-index';

/**
 * Loads a compose project the way `docker compose config` does, in pure TypeScript: parse each file defensively,
 * interpolate, validate against the compose-spec schema, apply `extends`, merge the -f files, copy in what
 * `include` names, select services by profile, normalise to the canonical model and check cross-references.
 * Every problem is collected; the thrown BerthError('INVALID_ARGUMENT') names the first one as `file:line:col: key.path: message`.
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
  const loader = new FileLoader(new SourceIndex(workingDir), env);
  const merged = await loadAndMerge(loader, files);
  loader.problems.throwIfAny();
  const withIncludes = await applyIncludes(merged ?? {}, { workingDir, lookup: env.lookup, unset: env.unset, loader, chain: files, files });
  loader.problems.throwIfAny();
  return finishProject(withIncludes, { options, files, workingDir, env, loader });
}

function asBerthError(err: unknown): Error {
  if (err instanceof ComposeIssue) return toBerthError([{ path: formatPath(err.path), message: err.message }]);
  return err instanceof Error ? err : new Error(String(err));
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
  // Fields Berth accepts but does not act on are named, never dropped silently (disabled services do not count).
  warnings.push(...coverageWarnings({ ...merged, services: Object.fromEntries(Object.entries(rawServices).filter(([n]) => enabled.has(n))) }));
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
