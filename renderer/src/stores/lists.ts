import type { Scheduler } from './frameBatcher';
import type { BerthState } from './types';

/** What the store needs of every live list, whatever its item type. */
export interface LiveList {
  load: () => Promise<void>;
  follow: (schedule?: Scheduler) => () => void;
}

/**
 * Every live list in the store (each built by createList in stores/listSlice.ts). Adding a list domain is one
 * entry here, besides its slice in the store.
 *
 * Load policy, the one way every list loads: the store lists each entry when the link to the backend opens and
 * again whenever the engine comes back to 'connected' (events may have been missed meanwhile); in between, each
 * list follows its change event, one batch of patches per animation frame. Pages only read the lists.
 */
export const liveLists = (s: BerthState): LiveList[] => [
  s.containers,
  s.images,
  s.volumes,
  s.networks,
  s.composeProjects,
];

export function loadLists(s: BerthState): void {
  for (const list of liveLists(s)) void list.load();
}

/** Applies every list's change events to the store until the returned disposer runs. */
export function followLists(s: BerthState, schedule?: Scheduler): () => void {
  const offs = liveLists(s).map((list) => list.follow(schedule));
  return () => {
    for (const off of offs) off();
  };
}
