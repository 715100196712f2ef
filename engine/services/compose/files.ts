import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadEnvFile } from './envfiles';
import { type Lookup } from './interpolate';
import { type LoadOptions } from './model';
import { ComposeIssue } from './problems';

/** compose's default file names, in its lookup order. */
export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const DEFAULT_OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function firstExisting(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) if (await isFile(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/**
 * The compose files of a load, absolute, in -f order. Without files: COMPOSE_FILE (split on
 * COMPOSE_PATH_SEPARATOR or the platform's), else the first default file plus the first default override.
 */
export async function findComposeFiles(options: LoadOptions, baseDir: string, env: Lookup): Promise<string[]> {
  const given = options.files ?? [];
  if (given.length > 0) return given.map((f) => path.resolve(baseDir, f));
  const fromEnv = env('COMPOSE_FILE');
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv.split(env('COMPOSE_PATH_SEPARATOR') ?? path.delimiter).filter((f) => f !== '').map((f) => path.resolve(baseDir, f));
  }
  const main = await firstExisting(baseDir, DEFAULT_FILES);
  if (main === undefined) throw new ComposeIssue(`no compose file found in ${baseDir} (looked for ${DEFAULT_FILES.join(', ')})`);
  const override = await firstExisting(baseDir, DEFAULT_OVERRIDE_FILES);
  return override === undefined ? [main] : [main, override];
}

export interface ProjectEnvironment {
  /** Variables for interpolation: the process environment first, then the project's .env / --env-file values. */
  lookup: Lookup;
  /** Names of unset variables seen, for one warning each. */
  unset: Set<string>;
}

/**
 * The interpolation environment. `.env` in the project folder is optional; `--env-file`s replace it and must
 * exist. Values in the process environment win over the files, as in compose.
 */
export async function projectEnvironment(options: LoadOptions, workingDir: string): Promise<ProjectEnvironment> {
  const processEnv = options.env ?? {};
  const fromProcess: Lookup = (name) => (Object.hasOwn(processEnv, name) ? processEnv[name] : undefined);
  const unset = new Set<string>();
  return { lookup: await layerEnvFiles(fromProcess, options.envFiles ?? [], workingDir, unset), unset };
}

/**
 * `base` (which always wins) over the values of `envFiles` (resolved from `dir`, must exist), or of `dir/.env`
 * when there is such a file and no env files were named.
 */
export async function layerEnvFiles(base: Lookup, envFiles: string[], dir: string, unset: Set<string>): Promise<Lookup> {
  const onUnset = (name: string) => unset.add(name);
  const fileValues: Record<string, string> = {};
  const explicit = envFiles.length > 0;
  const files = explicit ? envFiles.map((f) => path.resolve(dir, f)) : [path.join(dir, '.env')];
  const lookup: Lookup = (name) => base(name) ?? (Object.hasOwn(fileValues, name) ? fileValues[name] : undefined);
  for (const file of files) {
    if (!explicit && !(await isFile(file))) continue;
    Object.assign(fileValues, await loadEnvFile(file, explicit ? 'env file' : '.env file', lookup, onUnset));
  }
  return lookup;
}
