import type { CollectionPatch, ContainerSummary, EngineStatus } from './dto';

/** State changes pushed from the backend to every connected UI. */
export interface EventMap {
  'engine.status': EngineStatus;
  'containers.changed': CollectionPatch<ContainerSummary>;
}
export type EventName = keyof EventMap;

export const eventNames: EventName[] = ['engine.status', 'containers.changed'];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as string[]).includes(name);
