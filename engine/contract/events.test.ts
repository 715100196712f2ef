import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CollectionPatch, ContainerSummary, EngineStatus } from './dto';
import { eventNames, isEventName, type EventMap, type EventName } from './events';

// Typed as the full map: a key missing here (or extra) fails to compile, so the test covers every event.
const everyEvent: Record<EventName, true> = {
  'engine.status': true,
  'containers.changed': true,
  'tasks.changed': true,
  'volumes.changed': true,
  'networks.changed': true,
  'images.changed': true,
  'compose.changed': true,
  'swarm.status': true,
  'nodes.changed': true,
  'services.changed': true,
  'stacks.changed': true,
  'swarmTasks.changed': true,
  'secrets.changed': true,
  'configs.changed': true,
  'cluster.status': true,
  'security.changed': true,
  'security.images.changed': true,
};

describe('event names', () => {
  it('lists every key of EventMap exactly once', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(everyEvent).sort());
    expect(new Set(eventNames).size).toBe(eventNames.length);
  });

  it('isEventName accepts every event and nothing else', () => {
    for (const name of Object.keys(everyEvent)) expect(isEventName(name)).toBe(true);
    for (const other of ['containers.list', 'toString', '__proto__', '', 'ENGINE.STATUS', 42, undefined]) {
      expect(isEventName(other)).toBe(false);
    }
  });

  it('derives each payload type from the events table (checked by the type checker)', () => {
    expectTypeOf<EventMap['engine.status']>().toEqualTypeOf<EngineStatus>();
    expectTypeOf<EventMap['containers.changed']>().toEqualTypeOf<CollectionPatch<ContainerSummary>>();
  });
});
