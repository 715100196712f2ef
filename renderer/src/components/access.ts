import { useMemo, useSyncExternalStore } from 'react';
import { methods, roleAllows, type EngineClient, type MethodName, type SessionInfo } from '../api/contract';
import { useOptionalBerthStore } from '../stores/context';

/**
 * Who this window is signed in as (`session.me`, asked once per client: a role change ends the session, so
 * it cannot go stale). The UI hides what the role may not do; the server refuses it anyway.
 */
interface Entry {
  info: SessionInfo | undefined;
  listeners: Set<() => void>;
}
const entries = new WeakMap<EngineClient, Entry>();

const none: Entry = { info: undefined, listeners: new Set() };

function entryFor(client: EngineClient | undefined): Entry {
  if (!client) return none;
  let entry = entries.get(client);
  if (!entry) {
    const made: Entry = { info: undefined, listeners: new Set() };
    entries.set(client, made);
    void client.call('session.me', {}).then((result) => {
      if (!result.ok) return;
      made.info = result.value;
      for (const l of made.listeners) l();
    });
    entry = made;
  }
  return entry;
}

export function useSession(): SessionInfo | undefined {
  // Outside a store (a component rendered on its own) nothing is known, so nothing is hidden.
  const entry = entryFor(useOptionalBerthStore()?.getState().client);
  return useSyncExternalStore(
    (listener) => {
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
    () => entry.info,
  );
}

/** Whether the signed-in role may call `method` (true until the session is known). */
export function useMay(method: MethodName): boolean {
  const session = useSession();
  return !session || roleAllows(session.role, methods[method].access);
}

/** `may(method)` for lists of actions: whether the signed-in role may call it (true until known). */
export function useMayCall(): (method: MethodName) => boolean {
  const role = useSession()?.role;
  return useMemo(() => (method: MethodName) => !role || roleAllows(role, methods[method].access), [role]);
}
