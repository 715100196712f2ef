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

export const eventNames: EventName[] = ['engine.status', 'containers.changed', 'tasks.changed', 'compose.changed', 'images.changed', 'volumes.changed', 'networks.changed'];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as string[]).includes(name);
