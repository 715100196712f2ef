import type { systemMethods } from '../../contract/methods/system';
import type { Domain, ServiceContext } from '../context';
import { readDiskUsage, summarizeDiskUsage } from './disk-usage';
import { readSystemInfo } from './info';
import { startSystemPrune, systemPrunePreview } from './prune';

/** The system domain: disk usage, engine info and the prune of everything unused. */
export function systemDomain(ctx: ServiceContext): Domain<typeof systemMethods> {
  const docker = () => ctx.engine.docker();
  return {
    handlers: {
      'system.df': async () => summarizeDiskUsage(await readDiskUsage(docker())),
      'system.prunePreview': (options) => systemPrunePreview(docker(), options),
      'system.prune': (options) => {
        // Fails at once (not inside the task) when the engine is not connected.
        docker();
        return Promise.resolve({ taskId: startSystemPrune({ docker, tasks: ctx.tasks }, options) });
      },
      'system.info': () => readSystemInfo(docker()),
    },
  };
}
