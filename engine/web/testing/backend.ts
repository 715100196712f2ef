import {
  ErrorCode,
  methodNames,
  streams as streamDefs,
  type ContainerSummary,
  type EngineStatus,
  type TransferTicket,
} from '../../contract';
import type { Backend } from '../../host/backend';
import { createDispatcher } from '../../host/dispatcher';
import type { Handlers } from '../../base/handlers';
import { BerthError } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import type { StreamContext, StreamHandlers } from '../../base/handlers';
import { TransferRegistry } from '../../base/transfers';
import type { AuditEntry } from '../../base/audit';
import { accountsDomain } from '../../services/accounts/handlers';
import type { ServiceContext } from '../../services/context';
import type { AccountsStore } from '../../store/types';

/**
 * Test support (not a test double of Docker): a real dispatcher, bus, transfer registry and stream host
 * handlers with small in-memory behaviour:
 * - containers.logs sends two lines, then (follow) waits until the client closes the stream;
 * - containers.exec echoes every input back as output and ends itself on the input data "exit";
 * - containers.stats fails with NOT_FOUND (a handler error ends the stream with it).
 * `aborted` records the streams whose signal fired (client close or disconnect).
 */
export function createTestBackend(
  options: {
    /** Serve the real accounts.* and session.* handlers over this store. */
    accounts?: AccountsStore;
    audit?: (entry: AuditEntry) => void;
  } = {},
): Backend & {
  disposed: () => boolean;
  containers: ContainerSummary[];
  aborted: string[];
  /** The next containers.export call answers with the ticket `make` issues (inside that call). */
  issueOnNextExport(make: () => TransferTicket): void;
} {
  const transfers = new TransferRegistry();
  let nextTicket: (() => TransferTicket) | undefined;
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
  const accountHandlers = options.accounts
    ? accountsDomain({ store: { accounts: options.accounts } } as unknown as ServiceContext).handlers
    : {};
  const handlers: Handlers = {
    ...unused,
    ...accountHandlers,
    'engine.status': () => Promise.resolve(status),
    'containers.list': () => Promise.resolve(containers),
    'containers.export': () =>
      nextTicket
        ? Promise.resolve(nextTicket())
        : Promise.reject(new BerthError(ErrorCode.INTERNAL, 'no ticket')),
    'containers.start': ({ id }) =>
      containers.some((c) => c.id === id || c.name === id)
        ? Promise.resolve()
        : Promise.reject(new BerthError(ErrorCode.NOT_FOUND, `No such container: ${id}`)),
  };
  const aborted: string[] = [];
  const untilAborted = (name: string, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        aborted.push(name);
        resolve();
      };
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  const unusedStreams = Object.fromEntries(
    Object.keys(streamDefs).map((s) => [
      s,
      () => Promise.reject(new BerthError(ErrorCode.INTERNAL, `${s} is not used in this test`)),
    ]),
  ) as unknown as StreamHandlers;
  const streams: StreamHandlers = {
    ...unusedStreams,
    'containers.logs': async (ctx: StreamContext<'containers.logs'>) => {
      ctx.send({
        lines: [
          { stream: 'stdout', text: 'line 1' },
          { stream: 'stderr', text: 'line 2' },
        ],
      });
      if (ctx.params.follow) await untilAborted('containers.logs', ctx.signal);
    },
    'containers.exec': (ctx: StreamContext<'containers.exec'>) =>
      new Promise<void>((resolve) => {
        void untilAborted('containers.exec', ctx.signal).then(resolve);
        ctx.onInput((input) => {
          if (input.type !== 'data') return;
          if (Buffer.from(input.data, 'base64').toString() === 'exit') resolve();
          else ctx.send({ data: input.data });
        });
      }),
    'containers.stats': ({ params }) =>
      Promise.reject(new BerthError(ErrorCode.NOT_FOUND, `No such container: ${params.id}`)),
  };
  const bus = new EventBus();
  bus.emit('engine.status', status);
  let disposed = false;
  return {
    dispatch: createDispatcher(handlers, options.audit ? { audit: options.audit } : {}),
    streams,
    transfers,
    bus,
    containers,
    aborted,
    issueOnNextExport: (make) => (nextTicket = make),
    disposed: () => disposed,
    dispose: () => {
      disposed = true;
      transfers.dispose();
      bus.clear();
      return Promise.resolve();
    },
  };
}
