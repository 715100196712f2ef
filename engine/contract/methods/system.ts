import { z } from 'zod';
import type { DiskUsage, SystemInfo, SystemPrunePreview, TaskRef } from '../dto';
import { def, none } from './define';

const pruneOptions = z
  .object({
    allImages: z.boolean().default(false),
    volumes: z.enum(['none', 'anonymous', 'all']).default('none'),
    buildCache: z.boolean().default(true),
  })
  .strict();

export const systemMethods = {
  /** Disk usage per kind (images, containers, volumes, build cache) with what a prune could free. */
  'system.df': def<DiskUsage>()(none, 'read'),
  /** Exactly what system.prune with the same options would remove, with sizes. */
  'system.prunePreview': def<SystemPrunePreview>()(pruneOptions, 'read'),
  /** A task with one step per kind; its result is a SystemPruneResult. */
  'system.prune': def<TaskRef>()(pruneOptions, 'operate'),
  'system.info': def<SystemInfo>()(none, 'read'),
} as const;
