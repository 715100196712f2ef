import {
  ErrorCode,
  fail,
  isEventName,
  transferPath,
  type BerthBridge,
  type EngineClient,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from './contract';
import { createListenerHub } from './listeners';
import { createStreamTable } from './streamTable';

/** Electron's privileged scheme (electron/main/app-protocol.ts) serves transfers like the web host does. */
export const APP_ORIGIN = 'app://berth';

/**
 * EngineClient over the Electron preload bridge (`window.berth`). IPC has no connection to lose, so the
 * transport is reported 'open' to every subscriber. Rejections from the bridge become INTERNAL results.
 */
export function createIpcClient(bridge: BerthBridge): EngineClient {
  const hub = createListenerHub();
  let disposed = false;
  const offBridge = bridge.onEvent((event, payload) => {
    if (!disposed && isEventName(event)) hub.emit(event, payload);
  });
  const streams = createStreamTable({
    send: (message) => {
      try {
        bridge.stream(message);
        return true;
      } catch (error) {
        console.error('[berth] sending a stream message failed:', error);
        return false;
      }
    },
    // IPC is always up: a failed send is a broken bridge, so the open ends at once instead of waiting.
    waitMs: 0,
    notConnected: () => ({
      code: ErrorCode.INTERNAL,
      message: 'The Berth window could not reach its backend; restart Berth.',
    }),
  });
  const offStream = bridge.onStream((message) => {
    if (!disposed) streams.receive(message);
  });

  return {
    async call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      try {
        return (await bridge.call(method, params)) as Result<MethodOutput<M>>;
      } catch (error) {
        return fail(ErrorCode.INTERNAL, 'The call to the Berth backend failed unexpectedly.', String(error));
      }
    },
    on: hub.on,
    onTransportState(listener) {
      const off = hub.onTransportState(listener);
      listener('open');
      return off;
    },
    stream: (name, params, handlers) => streams.open(name, params, handlers),
    transferUrl: (transferId) => `${APP_ORIGIN}${transferPath(transferId)}`,
    dispose() {
      if (disposed) return;
      streams.dispose({ code: ErrorCode.CANCELLED, message: 'The engine client was closed.' });
      disposed = true;
      offBridge();
      offStream();
      hub.clear();
    },
  };
}
