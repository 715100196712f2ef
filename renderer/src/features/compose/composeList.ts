import type { ComposeProjectSummary } from '../../api/contract';
import type { ListSpec } from '../../stores/listSlice';

/** Compose projects by name: from container labels (Berth's and the CLI's) plus the projects Berth opened. */
export const composeList: ListSpec<ComposeProjectSummary> = {
  list: (client) => client.call('compose.projects.list', {}),
  changes: (client, push) => client.on('compose.changed', push),
  keyOf: (p) => p.name,
};
