import { access } from 'node:fs/promises';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { ErrorCode, type ComposeSource } from '../../../contract';
import { BerthError } from '../../../base/errors';
import type { StoredComposeProject } from '../../../store/types';
import { LABEL } from '../labels';
import { loadProject } from '../load';
import type { ComposeProject } from '../model';

/** Loads a project from its source, the way compose does on the machine the backend runs on. */
export function loadFromSource(source: ComposeSource, extra: { services?: string[] } = {}): Promise<ComposeProject> {
  return loadProject({
    files: source.files,
    workingDir: source.workingDir,
    ...(source.projectName ? { projectName: source.projectName } : {}),
    ...(source.envFiles?.length ? { envFiles: source.envFiles } : {}),
    ...(source.profiles?.length ? { profiles: source.profiles } : {}),
    ...(extra.services?.length ? { services: extra.services } : {}),
    env: process.env,
  });
}

const readable = async (file: string) => {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
};

/**
 * The source of a project known by name: what Berth remembered when it opened it, else what the containers'
 * labels say (working_dir, config_files, and the profiles/env files Berth records), when those files still exist.
 */
export async function sourceOf(name: string, stored: StoredComposeProject | undefined, containers: Dockerode.ContainerInfo[]): Promise<ComposeSource | undefined> {
  if (stored) return stored.source;
  const labels = [...containers].sort((a, b) => b.Created - a.Created)[0]?.Labels;
  const workingDir = labels?.[LABEL.workingDir];
  const files = (labels?.[LABEL.configFiles] ?? '').split(',').filter(Boolean);
  if (!labels || !workingDir || files.length === 0) return undefined;
  const absolute = files.map((f) => path.resolve(workingDir, f));
  for (const f of absolute) if (!(await readable(f))) return undefined;
  const profiles = (labels[LABEL.berthProfiles] ?? '').split(',').filter(Boolean);
  const envFiles = (labels[LABEL.berthEnvFiles] ?? '').split(',').filter(Boolean);
  return {
    files: absolute,
    workingDir,
    projectName: name,
    ...(profiles.length ? { profiles } : {}),
    ...(envFiles.length ? { envFiles } : {}),
  };
}

export function requireSource(name: string, source: ComposeSource | undefined): ComposeSource {
  if (source) return source;
  throw new BerthError(
    ErrorCode.NOT_FOUND,
    `Berth does not know the compose files of project "${name}" (its containers do not name readable files). Open the project from its folder first.`,
    { project: name },
  );
}
