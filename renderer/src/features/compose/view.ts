import type { ComposeProjectStatus, ComposeProjectSummary, ComposeServiceState } from '../../api/contract';
import { sortWith, type Sort } from '../../components/grid/sort';

export type Tone = 'success' | 'warning' | 'error' | 'info' | 'default';

export const projectStatusTone: Record<ComposeProjectStatus, Tone> = {
  running: 'success',
  partial: 'warning',
  exited: 'error',
  stopped: 'default',
};

export const serviceStateTone: Record<ComposeServiceState, Tone> = {
  running: 'success',
  partial: 'warning',
  restarting: 'warning',
  paused: 'info',
  exited: 'error',
  stopped: 'default',
  missing: 'default',
};

export const serviceStateLabel: Record<ComposeServiceState, string> = {
  running: 'running',
  partial: 'partly running',
  restarting: 'restarting',
  paused: 'paused',
  exited: 'exited',
  stopped: 'stopped',
  missing: 'not created',
};

/** "2/3 running", or "not created" for a project Berth opened but never started. */
export function containersText(p: ComposeProjectSummary): string {
  if (p.containers.total === 0) return 'not created';
  return `${p.containers.running}/${p.containers.total} running`;
}

/** A home-relative folder reads better in a narrow column: /home/ann/src/app → ~/src/app. */
export function shortFolder(path: string | undefined): string {
  if (!path) return '';
  return path.replace(/^\/(home\/[^/]+|root)(?=\/|$)/, '~');
}

export type ProjectSortKey = 'name' | 'status' | 'containers' | 'folder';
export interface ProjectFilter {
  query: string;
  status: ComposeProjectStatus | 'all';
}

const statusRank: Record<ComposeProjectStatus, number> = { running: 0, partial: 1, exited: 2, stopped: 3 };

export function filterProjects(projects: ComposeProjectSummary[], f: ProjectFilter): ComposeProjectSummary[] {
  const q = f.query.trim().toLowerCase();
  return projects.filter(
    (p) =>
      (f.status === 'all' || p.status === f.status) &&
      (q === '' || p.name.toLowerCase().includes(q) || (p.workingDir ?? '').toLowerCase().includes(q)),
  );
}

export function sortProjects(projects: ComposeProjectSummary[], sort: Sort<ProjectSortKey>): ComposeProjectSummary[] {
  const by: Record<ProjectSortKey, (a: ComposeProjectSummary, b: ComposeProjectSummary) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    status: (a, b) => statusRank[a.status] - statusRank[b.status],
    containers: (a, b) => a.containers.running - b.containers.running || a.containers.total - b.containers.total,
    folder: (a, b) => (a.workingDir ?? '').localeCompare(b.workingDir ?? ''),
  };
  return sortWith(projects, sort, (a, b, key) => by[key](a, b), (a, b) => a.name.localeCompare(b.name));
}
