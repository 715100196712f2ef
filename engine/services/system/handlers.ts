import type { systemMethods } from '../../contract/methods/system';
import type { HandlersOf, ServiceContext } from '../context';
import type { NetworksService } from '../networks/service';
import { readDiskUsage, summarizeDiskUsage } from './disk-usage';
import { readSystemInfo } from './info';
import { startSystemPrune, systemPrunePreview } from './prune';

export function systemHandlers(ctx: ServiceContext, networks: NetworksService): HandlersOf<typeof systemMethods> {
  const docker = () => ctx.engine.docker();
  return {
    'system.df': async () => summarizeDiskUsage(await readDiskUsage(docker())),
    'system.prunePreview': (options) => systemPrunePreview(docker(), networks, options),
    'system.prune': (options) => {
      // Fails at once (not inside the task) when the engine is not connected.
      docker();
      return Promise.resolve({ taskId: startSystemPrune({ docker, tasks: ctx.tasks, networks }, options) });
    },
    'system.info': () => readSystemInfo(docker()),
  };
}
