import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ComposeSource, TemplatePreview } from '../../contract';
import { loadProject, toConfigYaml } from '../compose';
import { writeAtomic } from './folders';
import type { LoadedTemplate } from './library';
import { resolveValues, toDotenv } from './params';
import { TEMPLATE_FILE } from './sources';
import { invalid, slugify } from './yaml';

/**
 * Parameters reach the compose file through the loader's own interpolation: the template's compose.yaml is used
 * unchanged and the values are its environment (`${NAME}`), exactly as `docker compose` would see them.
 */
export async function previewTemplate(t: LoadedTemplate, given: Record<string, string>, projectName?: string): Promise<TemplatePreview> {
  const values = resolveValues(t.template.parameters, given);
  const name = projectName ?? defaultProjectName(t);
  const project = await loadProject({ files: [t.stored.file], workingDir: path.dirname(t.stored.file), projectName: name, env: values });
  return { projectName: name, yaml: toConfigYaml(withoutBerthBlock(project)), warnings: project.warnings };
}

/** Loads a template file once with given values, so import refuses what could never deploy. */
export async function checkLoads(text: string, values: Record<string, string>, what: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-template-'));
  try {
    await writeAtomic(path.join(dir, TEMPLATE_FILE), text);
    await loadProject({ files: [path.join(dir, TEMPLATE_FILE)], workingDir: dir, projectName: 'template-check', env: values });
  } catch (err) {
    throw invalid(`${what} is not a valid compose project: ${err instanceof Error ? err.message : String(err)}`, (err as { details?: unknown }).details);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The deployed project's folder (`<data>/deployments/<project>`): the template's compose.yaml as it is, plus a
 * private `.env` (mode 0600) with the values, secrets included. Secrets never go into a template; the .env is the
 * deployment's own state, the same file `docker compose` would read, so the CLI sees the same project.
 */
export async function writeDeployment(t: LoadedTemplate, given: Record<string, string>, deployments: string, projectName: string): Promise<ComposeSource> {
  const values = resolveValues(t.template.parameters, given);
  // Compose lets the backend's own environment win over .env; refuse rather than deploy a value nobody chose.
  const shadowed = Object.keys(values).filter((k) => process.env[k] !== undefined && process.env[k] !== values[k]);
  if (shadowed.length) throw invalid(`${shadowed.join(', ')} ${shadowed.length > 1 ? 'are' : 'is'} set in the environment Berth runs in, and compose would use that instead of the template's value. Unset it there, or rename the parameter.`);
  const dir = path.join(deployments, projectName);
  await writeAtomic(path.join(dir, '.env'), toDotenv(values), 0o600);
  await writeAtomic(path.join(dir, TEMPLATE_FILE), t.text);
  return { files: [path.join(dir, TEMPLATE_FILE)], workingDir: dir, projectName };
}

export function defaultProjectName(t: LoadedTemplate): string {
  return slugify(t.stored.id.split('/').pop() ?? t.template.metadata.title, 'app').replace(/\./g, '-');
}

/** The preview shows the compose project; the x-berth block is the template's, not the deployment's. */
function withoutBerthBlock<T extends { extensions: Record<string, unknown> }>(project: T): T {
  const { ['x-berth']: _meta, ...extensions } = project.extensions;
  return { ...project, extensions };
}
