import { z } from 'zod';
import type {
  ContainerCreated,
  ContainerRecreated,
  ContainerSummary,
  ContainerPrunePreview,
  ContainerPruneResult,
  TransferTicket,
} from '../dto';
import {
  containerChangesSchema,
  containerName,
  containerSpecSchema,
  type ContainerSpec,
} from './container-spec';
import { byContainerId as byId, containerRef, def, none } from './define';
import { grantsHostPower } from './host-power';

const repository = z
  .string()
  .min(1, 'A repository name is required')
  .max(255)
  .regex(
    /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/,
    'Use lower-case letters, digits and . _ - separated by / (e.g. team/app or localhost:5000/app)',
  );
const tag = z
  .string()
  .max(128)
  .regex(/^[\w][\w.-]{0,127}$/, 'A tag uses letters, digits, _ . or -, starting with a letter, digit or _');

export const containerMethods = {
  'containers.list': def<ContainerSummary[]>()(none, 'read'),
  'containers.start': def<void>()(byId, 'operate'),
  'containers.stop': def<void>()(
    z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    'operate',
  ),
  'containers.restart': def<void>()(
    z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    'operate',
  ),
  'containers.pause': def<void>()(byId, 'operate'),
  'containers.unpause': def<void>()(byId, 'operate'),
  'containers.remove': def<void>()(
    z.object({ id: containerRef, force: z.boolean().optional(), volumes: z.boolean().optional() }).strict(),
    'operate',
  ),
  /** Creates (and with start: true, starts) a container; never pulls: the image must be on the engine. */
  'containers.create': def<ContainerCreated>()(
    z.object({ spec: containerSpecSchema, start: z.boolean().default(true) }).strict(),
    'operate',
    { adminWhen: ({ spec }) => grantsHostPower(spec) },
  ),
  /** The container's settings as a spec: only what differs from its image's defaults. */
  'containers.spec': def<ContainerSpec>()(byId, 'read'),
  /** The `docker run ...` command that makes the same container. */
  'containers.runCommand': def<string>()(byId, 'read'),
  /** A compose service (YAML) that makes the same container. */
  'containers.composeService': def<string>()(byId, 'read'),
  /** Edit after create: makes the container again with its settings plus `changes`; rolls back on failure. */
  'containers.recreate': def<ContainerRecreated>()(
    z.object({ id: containerRef, changes: containerChangesSchema }).strict(),
    'operate',
    { adminWhen: ({ changes }) => grantsHostPower(changes) },
  ),
  'containers.rename': def<void>()(z.object({ id: containerRef, name: containerName }).strict(), 'operate'),
  /** Saves the container's filesystem as an image; returns the image ID. */
  'containers.commit': def<{ imageId: string }>()(
    z
      .object({
        id: containerRef,
        repo: repository,
        tag: tag.default('latest'),
        message: z.string().max(4096).optional(),
        author: z.string().max(256).optional(),
      })
      .strict(),
    'operate',
  ),
  /** A download ticket for a tar of the container's filesystem. */
  'containers.export': def<TransferTicket>()(byId, 'operate', { mutates: false }),
  /** Which stopped containers pruning would remove, with the space each gives back. */
  'containers.prunePreview': def<ContainerPrunePreview>()(none, 'read'),
  /** Removes stopped containers: the previewed `ids` (still stopped), or every stopped one when absent. */
  'containers.prune': def<ContainerPruneResult>()(
    z.object({ ids: z.array(containerRef).max(100_000).optional() }).strict(),
    'operate',
  ),
} as const;
