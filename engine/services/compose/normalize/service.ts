import path from 'node:path';
import { loadEnvFile } from '../envfiles';
import { type Lookup } from '../interpolate';
import { extraHostsMap, isMapping, keyValueMap, type Mapping } from '../merge';
import { type BuildConfig, type DependsOnConfig, type HealthcheckConfig, type ServiceConfig, type ServiceFileReference } from '../model';
import { ComposeIssue, type KeyPath } from '../problems';
import { normaliseDuration } from './duration';
import { isRemoteContext, resolveHostPath } from './paths';
import { normalisePorts } from './ports';
import { normaliseVolumes } from './volumes';

export interface ServiceContext {
  workingDir: string;
  home: string;
  lookup: Lookup;
  onUnset: (name: string) => void;
  /** Collects a problem and lets normalisation go on, so one load reports every problem. */
  report: (issue: ComposeIssue) => void;
}

/** Sequences compose de-duplicates after merging (compose-go's EnforceUnicity), compared as written. */
const UNIQUE_LISTS = ['cap_add', 'cap_drop', 'dns', 'dns_opt', 'dns_search', 'tmpfs', 'security_opt', 'external_links', 'links', 'volumes_from', 'group_add', 'devices', 'profiles', 'device_cgroup_rules'];
const DEPENDS_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

const scalarText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(keyValueMap(value))) out[k] = v === null || v === undefined ? '' : scalarText(v);
  return out;
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toInt(value: unknown, what: string): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 0) throw new ComposeIssue(`${what} must be a whole number, got "${String(value)}"`);
  return n;
}

/** Runs one attribute's normalisation, locating its problems under `services.<name>.<attr>`. */
function attempt(ctx: ServiceContext, at: KeyPath, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ComposeIssue)) throw err;
    ctx.report(new ComposeIssue(err.message, [...at, ...err.path]));
  }
}

function normaliseBuild(raw: unknown, ctx: ServiceContext): BuildConfig {
  const build: Mapping = typeof raw === 'string' ? { context: raw } : { ...(raw as Mapping) };
  const context = typeof build.context === 'string' && build.context !== '' ? build.context : '.';
  build.context = isRemoteContext(context) ? context : resolveHostPath(context, ctx.workingDir, ctx.home);
  if (build.dockerfile === undefined && build.dockerfile_inline === undefined) build.dockerfile = 'Dockerfile';
  if (build.args !== undefined) {
    const args: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(keyValueMap(build.args))) args[k] = v === null ? (ctx.lookup(k) ?? null) : scalarText(v);
    build.args = args;
  }
  if (build.labels !== undefined) build.labels = stringMap(build.labels);
  if (build.extra_hosts !== undefined) build.extra_hosts = extraHostsMap(build.extra_hosts);
  return build as BuildConfig;
}

function normaliseHealthcheck(raw: Mapping): HealthcheckConfig {
  const hc: Mapping = { ...raw };
  if (typeof hc.test === 'string') hc.test = ['CMD-SHELL', hc.test];
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
    if (hc[key] !== undefined) hc[key] = normaliseDuration(hc[key]);
  }
  if (hc.retries !== undefined) hc.retries = toInt(hc.retries, 'retries');
  if (hc.disable !== undefined) hc.disable = hc.disable === true || hc.disable === 'true';
  return hc;
}

function normaliseDependsOn(raw: unknown): Record<string, DependsOnConfig> {
  const out: Record<string, DependsOnConfig> = {};
  const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((n) => [String(n), {}]) : Object.entries(raw as Mapping);
  for (const [name, value] of entries) {
    const v = isMapping(value) ? value : {};
    const condition = typeof v.condition === 'string' ? v.condition : 'service_started';
    if (!DEPENDS_CONDITIONS.has(condition)) throw new ComposeIssue(`unknown condition "${condition}"`, [name, 'condition']);
    const dep: DependsOnConfig = { condition: condition as DependsOnConfig['condition'], required: v.required !== false && v.required !== 'false' };
    if (v.restart !== undefined) dep.restart = v.restart === true || v.restart === 'true';
    out[name] = dep;
  }
  return out;
}

function fileReferences(raw: unknown): ServiceFileReference[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item) => (isMapping(item) ? ({ ...item } as unknown as ServiceFileReference) : { source: String(item) }));
}

/** env_file entries → absolute paths with their `required` flag (string entries are required). */
function envFileEntries(raw: unknown, workingDir: string): { path: string; required: boolean }[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((item) => {
    const entry: Mapping = isMapping(item) ? item : { path: item };
    return { path: path.resolve(workingDir, String(entry.path)), required: entry.required !== false && entry.required !== 'false' };
  });
}

async function loadEnvironment(raw: Mapping, ctx: ServiceContext, at: KeyPath): Promise<Record<string, string | null> | undefined> {
  if (raw.environment === undefined && raw.env_file === undefined) return undefined;
  // compose's precedence: `environment` wins over env_file; later env_files win over earlier ones.
  const env: Record<string, string | null> = {};
  if (raw.env_file !== undefined) {
    for (const [i, file] of envFileEntries(raw.env_file, ctx.workingDir).entries()) {
      try {
        Object.assign(env, await loadEnvFile(file.path, 'env_file', ctx.lookup, ctx.onUnset));
      } catch (err) {
        if (!(err instanceof ComposeIssue)) throw err;
        if (file.required || !/does not exist/.test(err.message)) ctx.report(new ComposeIssue(err.message, [...at, 'env_file', i]));
      }
    }
  }
  for (const [k, v] of Object.entries(keyValueMap(raw.environment))) {
    // A bare `KEY` takes its value from the environment compose runs in, or stays unset (null).
    env[k] = v === null ? (ctx.lookup(k) ?? null) : scalarText(v);
  }
  return env;
}

/** Raw merged service → canonical form, as `docker compose config` prints it. */
export async function normaliseService(name: string, raw: Mapping, ctx: ServiceContext): Promise<ServiceConfig> {
  const at: KeyPath = ['services', name];
  const svc: Mapping = { ...raw };
  delete svc.extends;
  delete svc.env_file;
  const environment = await loadEnvironment(raw, ctx, at);
  if (environment !== undefined) svc.environment = environment;
  const pathCtx = { base: ctx.workingDir, home: ctx.home };
  const steps: [string, () => void][] = [
    ['build', () => (svc.build = normaliseBuild(raw.build, ctx))],
    ['labels', () => (svc.labels = stringMap(raw.labels))],
    ['annotations', () => (svc.annotations = stringMap(raw.annotations))],
    ['sysctls', () => (svc.sysctls = stringMap(raw.sysctls))],
    ['ports', () => (svc.ports = normalisePorts(raw.ports))],
    ['expose', () => (svc.expose = unique((raw.expose as unknown[]).map(String)))],
    ['volumes', () => (svc.volumes = normaliseVolumes(raw.volumes, pathCtx))],
    ['depends_on', () => (svc.depends_on = normaliseDependsOn(raw.depends_on))],
    ['networks', () => (svc.networks = Array.isArray(raw.networks) ? Object.fromEntries(raw.networks.map((n) => [String(n), null])) : raw.networks)],
    ['extra_hosts', () => (svc.extra_hosts = extraHostsMap(raw.extra_hosts))],
    ['healthcheck', () => (svc.healthcheck = normaliseHealthcheck(raw.healthcheck as Mapping))],
    ['secrets', () => (svc.secrets = fileReferences(raw.secrets))],
    ['configs', () => (svc.configs = fileReferences(raw.configs))],
    ['stop_grace_period', () => (svc.stop_grace_period = normaliseDuration(raw.stop_grace_period))],
    ['scale', () => (svc.scale = toInt(raw.scale, 'scale'))],
  ];
  for (const [key, fn] of steps) if (raw[key] !== undefined && raw[key] !== null) attempt(ctx, [...at, key], fn);
  for (const key of UNIQUE_LISTS) {
    const v = raw[key];
    if (v !== undefined && v !== null) svc[key] = unique(Array.isArray(v) ? v : [v]);
  }
  attempt(ctx, [...at, 'deploy'], () => normaliseDeploy(svc));
  return svc;
}

/** deploy.replicas and scale are two spellings of one number; compose rejects them when they disagree. */
function normaliseDeploy(svc: Mapping): void {
  if (!isMapping(svc.deploy)) return;
  const deploy: Mapping = { ...svc.deploy };
  if (deploy.replicas !== undefined) deploy.replicas = toInt(deploy.replicas, 'deploy.replicas');
  if (typeof svc.scale === 'number' && deploy.replicas !== undefined && deploy.replicas !== svc.scale) {
    throw new ComposeIssue(`scale (${svc.scale}) and deploy.replicas (${scalarText(deploy.replicas)}) disagree; set only one of them`);
  }
  svc.deploy = deploy;
}
