import type { volumesMethods } from '../../contract/methods/volumes';
import type { Domain, ServiceContext } from '../context';
import { backupDownload, startBackup, type BackupDeps } from './backup';
import { downloadTicket, listFiles, previewFile, uploadTicket } from './files';
import { listBackups, removeBackup, restorePlan, startRestoreFromBackup } from './kept-backups';
import { restoreTicket } from './restore';
import { VolumesService } from './service';

/** The volumes domain: the live list, its actions, files, and backups/restores as tasks. */
export function volumesDomain(ctx: ServiceContext): Domain<typeof volumesMethods> {
  const volumes = new VolumesService(ctx);
  const deps: BackupDeps = {
    docker: () => ctx.engine.docker(),
    tasks: ctx.tasks,
    transfers: ctx.transfers,
    dataDir: ctx.dataDir,
    written: () => volumes.sizes.request(),
  };
  const handlers: Domain<typeof volumesMethods>['handlers'] = {
    'volumes.list': () => volumes.list(),
    'volumes.inspect': ({ name }) => volumes.inspect(name),
    'volumes.create': (input) => volumes.create(input),
    'volumes.remove': ({ name, force }) => volumes.remove(name, force),
    'volumes.prunePreview': ({ scope }) => volumes.prunePreview(scope),
    'volumes.prune': ({ scope }) => volumes.prune(scope),
    'volumes.files.list': ({ name, path }) => listFiles(ctx.engine.docker(), name, path),
    'volumes.files.download': ({ name, path }) => downloadTicket(ctx.engine.docker(), ctx.transfers, name, path),
    'volumes.files.preview': ({ name, path }) => previewFile(ctx.engine.docker(), name, path),
    'volumes.files.upload': ({ name, dir, fileName }) =>
      uploadTicket(ctx.engine.docker(), ctx.transfers, name, dir, fileName, () => volumes.sizes.request()),
    'volumes.refreshSizes': () => Promise.resolve(volumes.sizes.request()),
    'volumes.backup': async ({ name }) => {
      // Fails now (not inside the task) when the volume does not exist; the size makes the progress bar real.
      const { size } = await volumes.inspect(name);
      return { taskId: startBackup(deps, name, size) };
    },
    'volumes.backupDownload': ({ file }) => backupDownload(deps, file),
    'volumes.restoreUpload': (options) => restoreTicket(deps, options),
    'volumes.backups.list': () => listBackups(ctx.dataDir),
    'volumes.backups.remove': ({ file }) => removeBackup(ctx.dataDir, file),
    'volumes.restorePlan': ({ name }) => restorePlan(ctx.engine.docker(), name),
    'volumes.restoreBackup': async ({ file, ...options }) => ({ taskId: await startRestoreFromBackup(deps, options, file) }),
  };
  return { handlers, dispose: () => volumes.dispose() };
}
