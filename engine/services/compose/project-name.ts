import path from 'node:path';
import { ComposeIssue } from './problems';

/** compose's normalisation of a folder name into a project name: lowercase, only [a-z0-9_-], leading [a-z0-9]. */
export function normaliseProjectName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

export interface ProjectNameSources {
  option?: string;
  env?: string;
  topLevel?: string;
  workingDir: string;
}

/**
 * Picks the project name with compose's precedence: -p option, COMPOSE_PROJECT_NAME, top-level `name:`, then
 * the project folder. A name the user wrote must already be valid (compose rejects it rather than silently
 * renaming their resources); only the folder name is normalised.
 */
export function resolveProjectName(src: ProjectNameSources): string {
  const explicit: [string | undefined, string][] = [
    [src.option, 'the project name option'],
    [src.env, 'COMPOSE_PROJECT_NAME'],
    [src.topLevel, 'the top-level name:'],
  ];
  for (const [value, where] of explicit) {
    if (value === undefined || value === '') continue;
    if (normaliseProjectName(value) !== value) {
      throw new ComposeIssue(`"${value}" from ${where} is not a valid project name: use only lowercase letters, digits, "-" and "_", starting with a letter or digit`, where === 'the top-level name:' ? ['name'] : []);
    }
    return value;
  }
  const fromDir = normaliseProjectName(path.basename(src.workingDir));
  if (fromDir === '') throw new ComposeIssue(`cannot derive a project name from the folder "${src.workingDir}"; set one with name: or COMPOSE_PROJECT_NAME`);
  return fromDir;
}
