import type { ContainerSummary, PortMapping } from './container';

/**
 * Where a compose project comes from: its files on the machine the backend runs on (not the browser's).
 * `files` empty → compose's default lookup (compose.yaml + compose.override.yaml, ...) in `workingDir`.
 */
export interface ComposeSource {
  files: string[];
  workingDir: string;
  projectName?: string;
  /** Replace the project's `.env` (compose's --env-file). */
  envFiles?: string[];
  profiles?: string[];
}

/**
 * running: every container of the project runs; exited: none runs and at least one exited non-zero or all
 * exited; stopped: none runs (created/exited 0); partial: some run, some do not.
 */
export type ComposeProjectStatus = 'running' | 'stopped' | 'partial' | 'exited';

/** One row of the compose projects list. Built from container labels plus the projects Berth opened. */
export interface ComposeProjectSummary {
  /** The project name: the key of the collection. */
  name: string;
  status: ComposeProjectStatus;
  /** Services seen (containers' service labels, or the model's services for a project without containers). */
  services: number;
  containers: { running: number; total: number };
  /** From com.docker.compose.project.working_dir, or the source Berth opened it from. */
  workingDir?: string;
  /** From com.docker.compose.project.config_files. */
  configFiles?: string[];
  /** 'cli' = created by docker compose / docker-compose (its containers carry no Berth label). */
  origin: 'berth' | 'cli';
  /** e.g. "Berth 0.1.0" or "docker-compose 1.29.2" (com.docker.compose.version). */
  createdBy?: string;
}

/** How one service's containers are doing, summed up for a row. */
export type ComposeServiceState = 'running' | 'partial' | 'stopped' | 'exited' | 'paused' | 'restarting' | 'missing';

export interface ComposeServiceDetail {
  name: string;
  /** The model's image (or `<project>-<service>` for a build), else the containers' image. */
  image: string;
  state: ComposeServiceState;
  /** desired: from the model (scale/deploy.replicas) when the project's files are known. */
  replicas: { desired?: number; running: number };
  /** Health of the running containers when they have a healthcheck. */
  health?: 'healthy' | 'unhealthy' | 'starting';
  containers: ContainerSummary[];
  /** The published ports of all its containers. */
  ports: PortMapping[];
  /** The model's depends_on names, when the files are known. */
  dependsOn?: string[];
}

export interface ComposeProjectDetail {
  summary: ComposeProjectSummary;
  services: ComposeServiceDetail[];
  /** Known when Berth opened the project or its config_files labels point at readable files. */
  source?: ComposeSource;
  /** Services with containers that the model no longer has (removed by up/down with removeOrphans). */
  orphans?: string[];
}

/** One problem of a compose project, located in its file. Found in `details.problems` of INVALID_ARGUMENT. */
export interface ComposeProblem {
  file?: string;
  line?: number;
  col?: number;
  /** Dotted key path, e.g. `services.web.ports[0]`; empty for file-level problems. */
  path: string;
  message: string;
}

/** compose.config: the resolved project as `docker compose config` prints it. */
export interface ComposeConfigResult {
  yaml: string;
  warnings: string[];
  /** Enabled services, in file order. */
  services: string[];
  /** Every profile any service names (active or not). */
  profiles: string[];
  /** The project name the source resolves to. */
  name: string;
}

/** compose.validate: problems of unsaved editor text, for squiggles. */
export interface ComposeValidationProblem {
  line: number;
  col: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ComposeFileContent {
  content: string;
  /** Modification time in ms since epoch; pass it back as expectedMtime when saving. */
  mtime: number;
}

export interface ComposeBrowseEntry {
  name: string;
  type: 'dir' | 'file';
  /** A compose file by name (compose.yaml, docker-compose.yml, ...), or a folder that holds one. */
  isCompose: boolean;
}

export interface ComposeBrowseResult {
  /** Absolute path listed. */
  path: string;
  parent?: string;
  entries: ComposeBrowseEntry[];
  /** How many entries start with '.' and were left out (0 when `showHidden` was asked). */
  hidden: number;
}

/** A project's `.env` (the interpolation variables), read for editing. */
export interface ComposeEnvFile {
  path: string;
  /** Empty when the file does not exist yet. */
  content: string;
  exists: boolean;
  mtime?: number;
}
