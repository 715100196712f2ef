import type { MethodName } from '../../api/contract';

/** The Swarm page's tabs, in order; `#/swarm/<tab>` names one. */
export const swarmTabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'nodes', label: 'Nodes' },
  { id: 'services', label: 'Services' },
  { id: 'stacks', label: 'Stacks' },
  { id: 'secrets', label: 'Secrets' },
  { id: 'configs', label: 'Configs' },
  { id: 'visualizer', label: 'Visualizer' },
  { id: 'topology', label: 'Topology' },
  // Making, starting and destroying a local test cluster on this host is an admin's job.
  { id: 'cluster', label: 'Local cluster', requires: 'cluster.create' },
] as const satisfies readonly { id: string; label: string; requires?: MethodName }[];

export type SwarmTabId = (typeof swarmTabs)[number]['id'];

export const isSwarmTab = (v: string | undefined): v is SwarmTabId => swarmTabs.some((t) => t.id === v);
export const swarmHref = (tab: SwarmTabId): string => `#/swarm/${tab}`;
