import type { containerDetailMethods } from '../../contract/methods/container-details';
import { mapDockerError } from '../../docker/errors';
import type { HandlersOf, ServiceContext } from '../context';
import { downloadTicket, listFiles, uploadTicket, type FilesDeps } from './details/files';
import { toContainerDetails } from './details/inspect';
import { topProcesses } from './details/top';

/** The container details page: overview (inspect), processes and files. Streams live in streams.ts. */
export function containerDetailHandlers(ctx: ServiceContext): HandlersOf<typeof containerDetailMethods> {
  const files: FilesDeps = { docker: () => ctx.engine.docker(), transfers: ctx.transfers };
  return {
    'containers.inspect': async ({ id }) => {
      try {
        return toContainerDetails(await ctx.engine.docker().getContainer(id).inspect());
      } catch (err) {
        throw mapDockerError(err, { object: `container ${id}`, action: 'inspect' });
      }
    },
    'containers.top': ({ id, psArgs }) => topProcesses(ctx.engine.docker(), id, psArgs),
    'containers.files.list': ({ id, path }) => listFiles(files, id, path),
    'containers.files.download': ({ id, path }) => downloadTicket(files, id, path),
    'containers.files.upload': ({ id, dir, name }) => uploadTicket(files, id, dir, name),
  };
}
