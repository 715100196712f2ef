import { ErrorCode, methodNames, type ContainerSummary, type EngineStatus } from '../contract';
import type { Backend } from '../host/backend';
import { createDispatcher, type Handlers } from '../host/dispatcher';
import { BerthError } from '../host/errors';
import { EventBus } from '../host/event-bus';

/** Test support (not a test double of Docker): a real dispatcher and bus with small in-memory handlers. */
export function createTestBackend(): Backend & { disposed: () => boolean; containers: ContainerSummary[] } {
  const containers: ContainerSummary[] = [
    {
      id: 'c1',
      name: 'web',
      image: 'busybox:latest',
      imageId: 'sha256:1',
      command: 'httpd',
      state: 'running',
      status: 'Up 1 minute',
      created: 1,
      ports: [],
      labels: {},
    },
  ];
  const status: EngineStatus = { state: 'connected', since: 1 };
  const unused = Object.fromEntries(
    methodNames.map((m) => [
      m,
      () => Promise.reject(new BerthError(ErrorCode.INTERNAL, `${m} is not used in this test`)),
    ]),
  ) as unknown as Handlers;
  const handlers: Handlers = {
    ...unused,
    'engine.status': () => Promise.resolve(status),
    'containers.list': () => Promise.resolve(containers),
    'containers.start': ({ id }) =>
      containers.some((c) => c.id === id || c.name === id)
        ? Promise.resolve()
        : Promise.reject(new BerthError(ErrorCode.NOT_FOUND, `No such container: ${id}`)),
  };
  const bus = new EventBus();
  bus.emit('engine.status', status);
  let disposed = false;
  return {
    dispatch: createDispatcher(handlers),
    bus,
    containers,
    disposed: () => disposed,
    dispose: () => {
      disposed = true;
      bus.clear();
      return Promise.resolve();
    },
  };
}
