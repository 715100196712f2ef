import type { SwarmServiceSummary } from './swarm';

/**
 * A swarm stack: the services, networks, secrets and configs labelled `com.docker.stack.namespace=<name>`, as
 * `docker stack deploy` makes them (so `docker stack ls` and Berth list the same stacks).
 */
export interface StackSummary {
  name: string;
  services: number;
  /** Running / desired tasks over the stack's services. */
  running: number;
  desired: number;
  networks: number;
  secrets: number;
  configs: number;
  /** The oldest and newest creation/update time of its services (ms). */
  createdAt?: number;
  updatedAt?: number;
  /** Always 'swarm' (docker stack ls prints the orchestrator). */
  orchestrator: 'swarm';
}

/** A stack object that is not a service. */
export interface StackObject {
  id: string;
  name: string;
  createdAt?: number;
  labels: Record<string, string>;
}

export interface StackDetails extends StackSummary {
  serviceItems: SwarmServiceSummary[];
  networkItems: (StackObject & { driver: string; scope: string })[];
  secretItems: StackObject[];
  configItems: StackObject[];
  /** The compose file Berth last deployed this stack with (absent for stacks the CLI deployed). */
  compose?: string;
}

/** One object a deploy would create, update or keep. */
export interface StackPlanItem {
  kind: 'service' | 'network' | 'secret' | 'config' | 'volume';
  /** The engine name (`<stack>_<name>` unless `name:` or external). */
  name: string;
  action: 'create' | 'update' | 'keep' | 'external' | 'remove';
  /** e.g. the image and replicas of a service, the driver of a network. */
  detail?: string;
}

/** What `stacks.preview` answers: the objects and the warnings `docker stack deploy` would print. */
export interface StackPreview {
  name: string;
  items: StackPlanItem[];
  /** Fields Swarm ignores ("Ignoring unsupported options: build"), mapped fields worth a note, loader warnings. */
  warnings: string[];
}
