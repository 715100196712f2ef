import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BerthStore } from './store';
import type { BerthState } from './types';

const StoreContext = createContext<BerthStore | null>(null);

export function StoreProvider({ store, children }: { store: BerthStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useBerthStore(): BerthStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useBerth needs a <StoreProvider> above it');
  return store;
}

/** The window's store, or undefined outside a StoreProvider (components also rendered on their own). */
export function useOptionalBerthStore(): BerthStore | undefined {
  return useContext(StoreContext) ?? undefined;
}

/** Select from the window's store. Selectors must return stable references (see selectors.ts). */
export function useBerth<T>(selector: (state: BerthState) => T): T {
  return useStore(useBerthStore(), selector);
}
