import { composeList } from '../features/compose/composeList';
import { containersList } from '../features/containers/containersList';
import { imagesList } from '../features/images/imagesList';
import { networksList } from '../features/networks/networksList';
import { swarmConfigsList } from '../features/swarm/configs/swarmConfigsList';
import { swarmNodesList } from '../features/swarm/swarmNodesList';
import { swarmSecretsList } from '../features/swarm/secrets/swarmSecretsList';
import { swarmServicesList } from '../features/swarm/swarmServicesList';
import { swarmStacksList } from '../features/swarm/stacks/swarmStacksList';
import { swarmTasksList } from '../features/swarm/swarmTasksList';
import { volumesList } from '../features/volumes/volumesList';
import { securityList } from '../features/security/securityList';
import { imageSecurityList } from '../features/security/images/imageSecurityList';
import { tasksList } from './tasksList';
import type { Scheduler } from './frameBatcher';
import { createList, type ListSpec, type ListState } from './listSlice';
import type { BerthState, SliceCreator } from './types';

/**
 * Every live list in the store, by its key in the state (`s.containers`, `s.images`, ...). Adding a list domain
 * is one entry here: its state type, its place in the store, loading and following all derive from this table.
 *
 * Load policy, the one way every list loads: the store lists each entry when the link to the backend opens and
 * again whenever the engine comes back to 'connected' (events may have been missed meanwhile); in between, each
 * list follows its change event, one batch of patches per animation frame. Pages only read the lists.
 */
export const listSpecs = {
  containers: containersList,
  images: imagesList,
  volumes: volumesList,
  networks: networksList,
  composeProjects: composeList,
  tasks: tasksList,
  swarmNodes: swarmNodesList,
  swarmServices: swarmServicesList,
  swarmStacks: swarmStacksList,
  swarmTasks: swarmTasksList,
  swarmSecrets: swarmSecretsList,
  swarmConfigs: swarmConfigsList,
  security: securityList,
  imageSecurity: imageSecurityList,
};

type ListKey = keyof typeof listSpecs;
type StateOf<S> = S extends ListSpec<infer T, infer A> ? ListState<T, A> : never;
/** The store's live lists, typed from the table. */
export type ListsSlice = { [K in ListKey]: StateOf<(typeof listSpecs)[K]> };

const listKeys = Object.keys(listSpecs) as ListKey[];

export const createListsSlice: SliceCreator<ListsSlice> = (client) => (set, get) =>
  Object.fromEntries(
    listKeys.map((key) => [
      key,
      // The table pairs each key with its own spec, which the mapped type cannot see through a loop.
      createList(
        listSpecs[key] as ListSpec<unknown>,
        client,
        () => get()[key] as ListState<unknown>,
        (next) => set({ [key]: next } as Partial<BerthState>),
      ),
    ]),
  ) as ListsSlice;

/** What the store needs of every live list, whatever its item type. */
export interface LiveList {
  load: () => Promise<void>;
  follow: (schedule?: Scheduler) => () => void;
}

export const liveLists = (s: BerthState): LiveList[] => listKeys.map((key) => s[key]);

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
