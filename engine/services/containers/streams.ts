import type { StreamName } from '../../contract';
import type { ServiceContext, StreamsOf } from '../context';
import { streamLogs } from './details/logs-stream';
import { streamStats } from './details/stats-stream';
import { streamAttach, streamExec } from './details/terminal';

/** The container streams of the details page: logs, stats and terminals (exec and attach). */
export type ContainerStreamName = Extract<StreamName, `containers.${string}`>;

export function containerStreams(ctx: ServiceContext): StreamsOf<ContainerStreamName> {
  return {
    'containers.logs': async (s) => {
      await streamLogs(ctx.engine.docker(), s);
    },
    'containers.stats': (s) => streamStats(ctx.engine.docker(), s),
    'containers.exec': (s) => streamExec(ctx.engine.docker(), s),
    'containers.attach': (s) => streamAttach(ctx.engine.docker(), s),
  };
}
