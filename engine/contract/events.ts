import type { NetworkSummary, SwarmNode, SwarmServiceSummary, SwarmStatus, SwarmTask, VolumeSummary } from './dto';
import type { LocalClusterStatus, SwarmConfig, SwarmSecret } from './dto';
import type { StackSummary } from './dto';
import type { ContainerAudit, ImageAudit } from './dto';
import type { CollectionPatch, ComposeProjectSummary, ContainerSummary, EngineStatus, ImageSummary, TaskInfo } from './dto';

/** Phantom: an event's payload type, carried by the `events` table; nothing is set at run time. */
interface EventDef<P> {
  readonly payload?: P;
}
const event = <P>(): EventDef<P> => ({});

/**
 * State changes pushed from the backend to every connected UI. This table is the one list of events: the
 * payload types (EventMap) and the names both clients accept (eventNames) are derived from it, so adding an
 * event is one line here.
 */
const events = {
  'engine.status': event<EngineStatus>(),
  'containers.changed': event<CollectionPatch<ContainerSummary>>(),
  'tasks.changed': event<CollectionPatch<TaskInfo>>(),
  /** Volumes (key: name), fetched one by one on volume events. */
  'volumes.changed': event<CollectionPatch<VolumeSummary>>(),
  /** Networks (key: id), fetched one by one on network events. */
  'networks.changed': event<CollectionPatch<NetworkSummary>>(),
  'images.changed': event<CollectionPatch<ImageSummary>>(),
  /** Compose projects (key: name), recomputed from the events of labelled containers. */
  'compose.changed': event<CollectionPatch<ComposeProjectSummary>>(),
  /** The connected engine's swarm membership, on join/leave/lock and on node events about itself. */
  'swarm.status': event<SwarmStatus>(),
  /** Swarm nodes (key: id), services (key: id) and tasks (key: id), from the engine's swarm events. */
  'nodes.changed': event<CollectionPatch<SwarmNode>>(),
  'services.changed': event<CollectionPatch<SwarmServiceSummary>>(),
  'stacks.changed': event<CollectionPatch<StackSummary>>(),
  'swarmTasks.changed': event<CollectionPatch<SwarmTask>>(),
  /** Swarm secrets and configs (key: id), from secret/config events and service events (who uses them). */
  'secrets.changed': event<CollectionPatch<SwarmSecret>>(),
  'configs.changed': event<CollectionPatch<SwarmConfig>>(),
  /** The local cluster's nodes coming up, stopping, failing. */
  'cluster.status': event<LocalClusterStatus>(),
  /** Security findings per container (key: container id), re-audited on that container's events. */
  'security.changed': event<CollectionPatch<ContainerAudit>>(),
  /** Security findings per image (key: image id), re-audited on that image's events and after a deep scan. */
  'security.images.changed': event<CollectionPatch<ImageAudit>>(),
};

export type EventMap = { [E in keyof typeof events]: (typeof events)[E] extends EventDef<infer P> ? P : never };
export type EventName = keyof EventMap;

export const eventNames = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
