import type { containerMethods } from '../../contract/methods/containers';
import type { Domain, ServiceContext } from '../context';
import { composeServiceOf, containerSpec, createContainer, runCommandOf } from './create';
import {
  commitContainer,
  exportContainer,
  prunePreview,
  pruneContainers,
  renameContainer,
} from './maintenance';
import { recreateContainer } from './recreate';
import { ContainersService } from './service';

/** The containers domain: the live list, its actions, and creating, recreating and maintaining containers. */
export function containersDomain(ctx: ServiceContext): Domain<typeof containerMethods> {
  const { engine, transfers } = ctx;
  const containers = new ContainersService(ctx);
  const handlers: Domain<typeof containerMethods>['handlers'] = {
    'containers.list': () => containers.list(),
    'containers.start': ({ id }) => containers.start(id),
    'containers.stop': ({ id, timeoutSeconds }) => containers.stop(id, timeoutSeconds),
    'containers.restart': ({ id, timeoutSeconds }) => containers.restart(id, timeoutSeconds),
    'containers.pause': ({ id }) => containers.pause(id),
    'containers.unpause': ({ id }) => containers.unpause(id),
    'containers.remove': ({ id, force, volumes }) =>
      containers.remove(id, {
        ...(force !== undefined ? { force } : {}),
        ...(volumes !== undefined ? { volumes } : {}),
      }),
    'containers.create': ({ spec, start }) => createContainer(engine, spec, start),
    'containers.spec': ({ id }) => containerSpec(engine, id),
    'containers.runCommand': ({ id }) => runCommandOf(engine, id),
    'containers.composeService': ({ id }) => composeServiceOf(engine, id),
    'containers.recreate': ({ id, changes }) => recreateContainer(engine, id, changes),
    'containers.rename': ({ id, name }) => renameContainer(engine, id, name),
    'containers.commit': (req) => commitContainer(engine, req),
    'containers.export': ({ id }) => exportContainer(engine, transfers, id),
    'containers.prunePreview': () => prunePreview(engine),
    'containers.prune': ({ ids }) => pruneContainers(engine, ids),
  };
  return { handlers, dispose: () => containers.dispose() };
}
