import type { DomainHandlers } from '../context';
import type { ContainersService } from './service';

export function containerHandlers(containers: ContainersService): DomainHandlers<'containers'> {
  return {
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
  };
}
