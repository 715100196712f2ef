import type Dockerode from 'dockerode';
import type { ComposeProjectSummary } from '../../../contract';
import type { StoredComposeProject } from '../../../store/types';
import { changesContainerRow } from '../../common/container-events';
import { LiveCollection, type LiveContext } from '../../common/live-collection';
import { LABEL, projectFilter } from '../labels';
import { summariesFromEngine, summarise, summaryOf } from './summaries';

/**
 * The live 'compose.changed' feed (key: project name): a container event that carries a compose project label
 * makes that one project be recomputed; every (re)connect and reconciliation sends a full reset.
 */
export function composeFeed(ctx: LiveContext, stored: () => StoredComposeProject[]): LiveCollection<'compose.changed'> {
  return new LiveCollection(ctx, {
    event: 'compose.changed',
    what: 'compose',
    keyOf: (p) => p.name,
    keysFor: (event) => {
      const project = changesContainerRow(event) ? event.attributes[LABEL.project] : undefined;
      return project ? [project] : [];
    },
    list: async (docker) => {
      const containers = await docker.listContainers({ all: true, filters: { label: [LABEL.project] } });
      return summarise(summariesFromEngine(containers), stored());
    },
    fetch: (docker, names) => projectSummaries(docker, names, stored()),
  });
}

/** These projects as listed now; one with no containers that Berth does not remember is gone. */
async function projectSummaries(docker: Dockerode, names: string[], stored: StoredComposeProject[]): Promise<ComposeProjectSummary[]> {
  const out: ComposeProjectSummary[] = [];
  for (const name of names) {
    const list = summariesFromEngine(await docker.listContainers({ all: true, filters: { label: projectFilter(name, { oneoff: false }) } }));
    const remembered = stored.find((s) => s.name === name);
    if (list.length > 0 || remembered) out.push(summaryOf(name, list, remembered));
  }
  return out;
}
