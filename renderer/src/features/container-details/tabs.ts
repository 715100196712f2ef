import type { MethodName } from '../../api/contract';

export interface DetailTab {
  id: string;
  label: string;
  requires?: MethodName;
}

/**
 * The details page's tabs, in order; the route's last segment names one. A tab with `requires` is shown only to
 * a role that may call that method (the server refuses it anyway).
 */
export const detailTabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'logs', label: 'Logs' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'stats', label: 'Stats' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'files', label: 'Files', requires: 'containers.files.list' },
  { id: 'env', label: 'Environment' },
  { id: 'mounts', label: 'Mounts' },
  { id: 'ports', label: 'Ports' },
  { id: 'networks', label: 'Networks' },
  { id: 'labels', label: 'Labels' },
  { id: 'processes', label: 'Processes' },
  { id: 'security', label: 'Security' },
] as const satisfies readonly DetailTab[];

export type DetailTabId = (typeof detailTabs)[number]['id'];

export const isDetailTab = (v: string | undefined): v is DetailTabId => detailTabs.some((t) => t.id === v);
