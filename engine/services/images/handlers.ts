import type { imagesMethods } from '../../contract/methods/images';
import { registryAuthForImage } from '../common/registry-credentials';
import type { Domain, ServiceContext } from '../context';
import { ArchiveTasks } from './archive-tasks';
import { RegistryTasks } from './registry-tasks';
import { ImagesService } from './service';

/** The images domain: the live list and its actions, registry tasks, and uploads/downloads of image data. */
export function imagesDomain(ctx: ServiceContext): Domain<typeof imagesMethods> {
  const images = new ImagesService(ctx);
  const docker = () => ctx.engine.docker();
  const registry = new RegistryTasks(docker, ctx.tasks, (ref) => registryAuthForImage(ctx, ref));
  const archives = new ArchiveTasks(docker, ctx.tasks, ctx.transfers);
  return {
    handlers: {
      'images.list': () => images.list(),
      'images.inspect': ({ id }) => images.inspect(id),
      'images.history': ({ id }) => images.history(id),
      'images.pull': ({ ref, platform }) => Promise.resolve(registry.pull(ref, platform)),
      'images.push': ({ ref }) => Promise.resolve(registry.push(ref)),
      'images.tag': ({ source, repo, tag }) => images.tag(source, repo, tag),
      'images.remove': ({ id, force }) => images.remove(id, force),
      'images.prunePreview': ({ danglingOnly }) => images.prunePreview(danglingOnly),
      'images.prune': ({ danglingOnly }) => images.prune(danglingOnly),
      'images.buildUpload': (params) => Promise.resolve(archives.build(params)),
      'images.save': ({ ids }) => Promise.resolve(archives.save(ids)),
      'images.loadUpload': ({ size }) => Promise.resolve(archives.load(size)),
      'images.importUpload': ({ repo, tag, size }) => Promise.resolve(archives.import(repo, tag, size)),
    },
    dispose: () => images.dispose(),
  };
}
