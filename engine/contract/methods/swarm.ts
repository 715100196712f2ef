import { z } from 'zod';
import type {
  SwarmAddressCandidate,
  SwarmDetails,
  SwarmJoinTokens,
  SwarmNode,
  SwarmNodeDetails,
  SwarmServiceDetails,
  SwarmServiceSummary,
  SwarmStatus,
  SwarmTask,
  TaskRef,
} from '../dto';
import { def, none, objectRef } from './define';
import { grantsHostPower } from './host-power';
import { swarmServiceSpecSchema } from './swarm-service-spec';

const nodeRef = objectRef('node');
const serviceRef = objectRef('service');
const labelMap = z.record(z.string().min(1).max(1024), z.string().max(4096));
/** host, host:port or an interface name (what `docker swarm init --advertise-addr` accepts). */
const hostPort = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[a-zA-Z0-9_.:[\]-]+$/, 'An address is a host, host:port or an interface name');
const joinToken = z
  .string()
  .trim()
  .regex(/^SWMTKN-1-[a-z0-9]+-[a-z0-9]+$/, 'A join token looks like SWMTKN-1-…-… (docker swarm join-token worker)');
const settings = z
  .object({
    taskHistoryLimit: z.number().int().min(0).max(1000).optional(),
    certExpiryHours: z.number().int().min(1).max(24 * 365 * 10).optional(),
    heartbeatSeconds: z.number().int().min(1).max(3600).optional(),
    autolock: z.boolean().optional(),
  })
  .strict();
const hasHostBind = (spec: { mounts?: readonly { type: string }[] }) =>
  grantsHostPower({ volumes: spec.mounts ?? [] });

/** Swarm membership and settings. Joining, leaving and keys change what the host is part of: admin. */
export const swarmMethods = {
  'swarm.status': def<SwarmStatus>()(none, 'read'),
  /** GET /swarm: needs a manager. */
  'swarm.inspect': def<SwarmDetails>()(none, 'read'),
  /** Addresses this engine could advertise (the init/join picker). */
  'swarm.addresses': def<SwarmAddressCandidate[]>()(none, 'read'),
  'swarm.init': def<SwarmStatus>()(
    z
      .object({
        advertiseAddr: hostPort.optional(),
        listenAddr: hostPort.default('0.0.0.0:2377'),
        dataPathAddr: hostPort.optional(),
        forceNewCluster: z.boolean().default(false),
        /** Address pools for overlay networks, CIDRs. */
        defaultAddrPool: z.array(z.string().max(64)).max(16).optional(),
        settings: settings.default({}),
      })
      .strict(),
    'admin',
  ),
  /** A task (the engine answers only once the manager accepted or refused: ~15 s on a wrong token); its result is the new SwarmStatus. */
  'swarm.join': def<TaskRef>()(
    z
      .object({
        remoteAddrs: z.array(hostPort).min(1, 'The address of a manager is required').max(16),
        joinToken,
        advertiseAddr: hostPort.optional(),
        listenAddr: hostPort.default('0.0.0.0:2377'),
        dataPathAddr: hostPort.optional(),
      })
      .strict(),
    'admin',
  ),
  /** `force` is needed for a manager (it may break the quorum: the service says so first). */
  'swarm.leave': def<SwarmStatus>()(z.object({ force: z.boolean().default(false) }).strict(), 'admin'),
  'swarm.joinTokens': def<SwarmJoinTokens>()(none, 'admin'),
  'swarm.rotateToken': def<SwarmJoinTokens>()(
    z.object({ which: z.enum(['worker', 'manager']) }).strict(),
    'admin',
  ),
  /** The autolock unlock key (empty when autolock is off); `rotate` makes a new one. */
  'swarm.unlockKey': def<{ key: string }>()(z.object({ rotate: z.boolean().default(false) }).strict(), 'admin'),
  'swarm.unlock': def<SwarmStatus>()(
    z.object({ key: z.string().trim().min(1, 'The unlock key is required').max(200) }).strict(),
    'admin',
  ),
  'swarm.update': def<SwarmDetails>()(z.object({ settings }).strict(), 'admin'),
} as const;

export const nodesMethods = {
  'nodes.list': def<SwarmNode[]>()(none, 'read'),
  'nodes.inspect': def<SwarmNodeDetails>()(z.object({ id: nodeRef }).strict(), 'read'),
  /** Availability and labels are operations; changing a node's role changes who controls the cluster: admin. */
  'nodes.update': def<SwarmNode>()(
    z
      .object({
        id: nodeRef,
        availability: z.enum(['active', 'pause', 'drain']).optional(),
        role: z.enum(['manager', 'worker']).optional(),
        /** Replaces the node's spec labels. */
        labels: labelMap.optional(),
      })
      .strict(),
    'operate',
    { adminWhen: (p) => p.role !== undefined },
  ),
  'nodes.remove': def<void>()(z.object({ id: nodeRef, force: z.boolean().default(false) }).strict(), 'admin'),
} as const;

export const servicesMethods = {
  'services.list': def<SwarmServiceSummary[]>()(none, 'read'),
  'services.inspect': def<SwarmServiceDetails>()(z.object({ id: serviceRef }).strict(), 'read'),
  'services.create': def<SwarmServiceSummary>()(z.object({ spec: swarmServiceSpecSchema }).strict(), 'operate', {
    adminWhen: ({ spec }) => hasHostBind(spec),
  }),
  /** Replaces what the form describes; fields the form does not know are kept from the current spec. */
  'services.update': def<SwarmServiceSummary>()(
    z.object({ id: serviceRef, spec: swarmServiceSpecSchema, version: z.number().int().min(0).optional() }).strict(),
    'operate',
    { adminWhen: ({ spec }) => hasHostBind(spec) },
  ),
  'services.scale': def<SwarmServiceSummary>()(
    z.object({ id: serviceRef, replicas: z.number().int().min(0).max(10_000) }).strict(),
    'operate',
  ),
  /** Back to the previous spec (PreviousSpec). */
  'services.rollback': def<SwarmServiceSummary>()(z.object({ id: serviceRef }).strict(), 'operate'),
  /** Restarts every task (a forced update, like `docker service update --force`). */
  'services.restart': def<SwarmServiceSummary>()(z.object({ id: serviceRef }).strict(), 'operate'),
  'services.remove': def<void>()(z.object({ id: serviceRef }).strict(), 'operate'),
} as const;

/** Swarm tasks (the `swarmTasks.changed` collection holds all of them; the filters are for one-shot callers). */
export const swarmTasksMethods = {
  'swarmTasks.list': def<SwarmTask[]>()(
    z.object({ serviceId: serviceRef.optional(), nodeId: nodeRef.optional() }).strict(),
    'read',
  ),
} as const;
