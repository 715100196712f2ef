/** The details page's tabs, in order; the route's last segment names one. */
export const detailTabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'logs', label: 'Logs' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'stats', label: 'Stats' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'files', label: 'Files' },
  { id: 'env', label: 'Environment' },
  { id: 'mounts', label: 'Mounts' },
  { id: 'ports', label: 'Ports' },
  { id: 'networks', label: 'Networks' },
  { id: 'labels', label: 'Labels' },
  { id: 'processes', label: 'Processes' },
  { id: 'security', label: 'Security' },
] as const;

export type DetailTabId = (typeof detailTabs)[number]['id'];

export const isDetailTab = (v: string | undefined): v is DetailTabId => detailTabs.some((t) => t.id === v);
