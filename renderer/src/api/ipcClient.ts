import {
  ErrorCode,
  fail,
  isEventName,
  type BerthBridge,
  type EngineClient,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from './contract';
import { createListenerHub } from './listeners';

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
    dispose() {
      disposed = true;
      offBridge();
      hub.clear();
    },
  };
}
