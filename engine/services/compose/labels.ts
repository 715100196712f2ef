/**
 * The labels docker compose puts on what it creates. They are the whole interface between Berth and the compose
 * tools: `docker compose ls/ps` and docker-compose 1.29.2 find Berth's containers by them, and Berth finds theirs.
 */
export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
  version: 'com.docker.compose.version',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  /** Berth's own mark: present on what Berth created, absent on what the compose CLIs created. */
  berth: 'io.berth.version',
  /** The profiles active at `up` time, so a later `down`/`scale` by name loads the same services. */
  berthProfiles: 'io.berth.compose.profiles',
  berthEnvFiles: 'io.berth.compose.env_files',
} as const;

/**
 * What Berth writes into com.docker.compose.version: the Compose release whose naming and labels Berth follows.
 * Tools compare it (docker-compose 1.29.2 treats < 1.21.0 as legacy naming), so it must look like compose's.
 */
export const COMPOSE_COMPAT_VERSION = '2.24.6';

/** Compose v2 names containers `<project>-<service>-<n>`; docker-compose 1.x used `_`. */
export const containerName = (project: string, service: string, n: number): string => `${project}-${service}-${n}`;
export const oneOffName = (project: string, service: string, suffix: string): string =>
  `${project}-${service}-run-${suffix}`;

/**
 * Reads the container number of a compose container: the label, else the name's last `-n`/`_n` (both
 * spellings, so containers made by either compose generation are recognised).
 */
export function containerNumber(labels: Record<string, string>, name: string): number | undefined {
  const fromLabel = Number(labels[LABEL.number]);
  if (Number.isInteger(fromLabel) && fromLabel > 0) return fromLabel;
  const m = /[-_](\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The label filter that selects one project's service containers (not one-off `run` containers). */
export function projectFilter(project: string, options: { oneoff?: boolean; service?: string } = {}): string[] {
  const filters = [`${LABEL.project}=${project}`];
  if (options.oneoff !== undefined) filters.push(`${LABEL.oneoff}=${options.oneoff ? 'True' : 'False'}`);
  if (options.service !== undefined) filters.push(`${LABEL.service}=${options.service}`);
  return filters;
}

export interface ProjectLabelInput {
  project: string;
  workingDir: string;
  configFiles: string[];
  environmentFile?: string;
  profiles?: string[];
  envFiles?: string[];
  berthVersion: string;
}

/** The project-level labels every container of the project carries. */
export function projectLabels(p: ProjectLabelInput): Record<string, string> {
  return {
    [LABEL.project]: p.project,
    [LABEL.workingDir]: p.workingDir,
    [LABEL.configFiles]: p.configFiles.join(','),
    ...(p.environmentFile ? { [LABEL.environmentFile]: p.environmentFile } : {}),
    [LABEL.version]: COMPOSE_COMPAT_VERSION,
    [LABEL.berth]: p.berthVersion,
    ...(p.profiles && p.profiles.length > 0 ? { [LABEL.berthProfiles]: p.profiles.join(',') } : {}),
    ...(p.envFiles && p.envFiles.length > 0 ? { [LABEL.berthEnvFiles]: p.envFiles.join(',') } : {}),
  };
}

/** Labels on a project's network or volume (compose's, so `docker compose down` removes them too). */
export function resourceLabels(kind: 'network' | 'volume', project: string, key: string, berthVersion: string, own?: Record<string, string>): Record<string, string> {
  return {
    ...own,
    [LABEL.project]: project,
    [kind === 'network' ? LABEL.network : LABEL.volume]: key,
    [LABEL.version]: COMPOSE_COMPAT_VERSION,
    [LABEL.berth]: berthVersion,
  };
}
