import type { CollectionPatch, ContainerSummary, EngineStatus, TaskInfo } from './dto';

/** State changes pushed from the backend to every connected UI. */
export interface EventMap {
  'engine.status': EngineStatus;
  'containers.changed': CollectionPatch<ContainerSummary>;
  'tasks.changed': CollectionPatch<TaskInfo>;
}
export type EventName = keyof EventMap;

export const eventNames: EventName[] = ['engine.status', 'containers.changed', 'tasks.changed'];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as string[]).includes(name);
