import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { hostPowerOf, methods, roleAllows, type EngineClient, type HostPowerInput, type MethodName, type Role, type SessionInfo } from '../api/contract';
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

/** Whether the signed-in role may call every one of `methods` (true until the session is known). */
export function useMayAll(...names: MethodName[]): boolean {
  const may = useMayCall();
  return names.every(may);
}

/** Renders `children` only for a role that may call `method` (an action a role cannot use is not shown). */
export function IfMay({ method, children }: { method: MethodName; children: ReactNode }): ReactNode {
  return useMay(method) ? children : null;
}

const roleNames: Record<Role, string> = { viewer: 'a viewer', operator: 'an operator', admin: 'an admin' };
const levelNeeds = { read: 'anyone signed in', operate: 'an operator or an admin', admin: 'an admin' } as const;

/**
 * Why the signed-in role may not call `method`, for the note next to a form that stays readable but disabled
 * (settings a viewer may read but not save); undefined when it may (or while the session is not known).
 */
export function useDeniedReason(method: MethodName): string | undefined {
  const role = useSession()?.role;
  if (!role || roleAllows(role, methods[method].access)) return undefined;
  return `You are signed in as ${roleNames[role]}: only ${levelNeeds[methods[method].access]} can do this.`;
}

/** A container (or service) about to be deployed, by name, and its config as the security lens reads it. */
export interface DeployItem {
  what: string;
  input: HostPowerInput;
}

/**
 * What the signed-in role is told before deploying settings with host power (the contract's `hostPowerOf`,
 * the rule the server enforces): one line per container that has some. Empty for an admin, when nothing has
 * host power, or before the session is known.
 */
export function useHostPowerDenials(items: readonly DeployItem[]): string[] {
  const role = useSession()?.role;
  return useMemo(() => {
    if (!role || role === 'admin') return [];
    return items.flatMap(({ what, input }) => {
      const power = hostPowerOf(input);
      return power ? [`${what} ${power}, which is power over the host: ${roleNames[role]} cannot deploy it.`] : [];
    });
  }, [role, items]);
}
