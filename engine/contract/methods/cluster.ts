import { z } from 'zod';
import type { LocalClusterStatus, TaskRef } from '../dto';
import { imageReference } from './container-spec';
import { def, none } from './define';

/** The local multi-node cluster Berth creates on this machine. It starts engines on the host: admin. */
export const clusterMethods = {
  'cluster.status': def<LocalClusterStatus>()(none, 'read'),
  /** Starts a task: nodes come up one by one, the first inits the swarm, the others join it. */
  'cluster.create': def<TaskRef>()(
    z
      .object({
        nodes: z.number().int().min(1, 'A cluster has at least one node').max(10, 'At most 10 local nodes').default(3),
        /** Managers among the nodes (1, 3 or 5 keep a quorum). */
        managers: z.number().int().min(1).max(5).default(1),
        mechanism: z.enum(['auto', 'netns', 'dind']).default('auto'),
        /** The docker-in-docker image for the 'dind' mechanism. */
        dindImage: imageReference.optional(),
      })
      .strict()
      .refine((p) => p.managers <= p.nodes, { message: 'More managers than nodes', path: ['managers'] }),
    'admin',
  ),
  /** Starts the nodes of an existing cluster again (after a reboot), keeping their data. */
  'cluster.start': def<TaskRef>()(none, 'admin'),
  /** Stops and removes every node, its data and the cluster network; switches Berth back if it was connected. */
  'cluster.destroy': def<TaskRef>()(none, 'admin'),
  /** Copies an image from the current engine to every node (nodes cannot pull an image that exists only here). */
  'cluster.loadImage': def<TaskRef>()(z.object({ image: imageReference }).strict(), 'admin'),
  /** Connects Berth to the cluster's manager (or back to the engine it used before). */
  'cluster.connect': def<LocalClusterStatus>()(z.object({ to: z.enum(['manager', 'previous']) }).strict(), 'admin'),
} as const;
