import type { NetworkSummary, VolumeSummary } from './dto';
import type { CollectionPatch, ComposeProjectSummary, ContainerSummary, EngineStatus, ImageSummary, TaskInfo } from './dto';

/** State changes pushed from the backend to every connected UI. */
export interface EventMap {
  'engine.status': EngineStatus;
  'containers.changed': CollectionPatch<ContainerSummary>;
  'tasks.changed': CollectionPatch<TaskInfo>;
  /** Volumes (key: name), fetched one by one on volume events. */
  'volumes.changed': CollectionPatch<VolumeSummary>;
  /** Networks (key: id), fetched one by one on network events. */
  'networks.changed': CollectionPatch<NetworkSummary>;
  'images.changed': CollectionPatch<ImageSummary>;
  /** Compose projects (key: name), recomputed from the events of labelled containers. */
  'compose.changed': CollectionPatch<ComposeProjectSummary>;
}
export type EventName = keyof EventMap;

/** Every event name once; `satisfies` makes a name missing from (or unknown to) EventMap a compile error. */
const eventNameSet = {
  'engine.status': true,
  'containers.changed': true,
  'tasks.changed': true,
  'volumes.changed': true,
  'networks.changed': true,
  'images.changed': true,
  'compose.changed': true,
} as const satisfies Record<EventName, true>;

export const eventNames = Object.keys(eventNameSet) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameSet, name);
