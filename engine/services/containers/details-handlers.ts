import type { containerDetailMethods } from '../../contract/methods/container-details';
import { mapDockerError } from '../../docker/errors';
import type { Domain, ServiceContext } from '../context';
import { downloadTicket, listFiles, previewFile, uploadTicket, type FilesDeps } from './details/files';
import { toContainerDetails } from './details/inspect';
import { logsDownloadTicket } from './details/logs-download';
import { topProcesses } from './details/top';
import { containerStreams, type ContainerStreamName } from './streams';

/** The container details page: overview (inspect), processes and files; its streams live in streams.ts. */
export function containerDetailsDomain(ctx: ServiceContext): Domain<typeof containerDetailMethods, ContainerStreamName> {
  const files: FilesDeps = { docker: () => ctx.engine.docker(), transfers: ctx.transfers };
  const handlers: Domain<typeof containerDetailMethods>['handlers'] = {
    'containers.inspect': async ({ id }) => {
      try {
        return toContainerDetails(await ctx.engine.docker().getContainer(id).inspect());
      } catch (err) {
        throw mapDockerError(err, { object: `container ${id}`, action: 'inspect' });
      }
    },
    'containers.top': ({ id, psArgs }) => topProcesses(ctx.engine.docker(), id, psArgs),
    'containers.logs.download': ({ id, timestamps }) =>
      logsDownloadTicket(() => ctx.engine.docker(), ctx.transfers, id, timestamps),
    'containers.files.list': ({ id, path }) => listFiles(files, id, path),
    'containers.files.download': ({ id, path }) => downloadTicket(files, id, path),
    'containers.files.preview': ({ id, path }) => previewFile(files, id, path),
    'containers.files.upload': ({ id, dir, name }) => uploadTicket(files, id, dir, name),
  };
  return { handlers, streams: containerStreams(ctx) };
}
