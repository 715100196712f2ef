import type { CollectionPatch, ComposeProjectSummary, ContainerSummary, EngineStatus, TaskInfo } from './dto';

/** State changes pushed from the backend to every connected UI. */
export interface EventMap {
  'engine.status': EngineStatus;
  'containers.changed': CollectionPatch<ContainerSummary>;
  'tasks.changed': CollectionPatch<TaskInfo>;
  /** Compose projects (key: name), recomputed from the events of labelled containers. */
  'compose.changed': CollectionPatch<ComposeProjectSummary>;
}
export type EventName = keyof EventMap;

export const eventNames: EventName[] = ['engine.status', 'containers.changed', 'tasks.changed', 'compose.changed'];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as string[]).includes(name);
