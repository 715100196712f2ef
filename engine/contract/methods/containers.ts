import { z } from 'zod';
import type { ContainerSummary } from '../dto';
import { byContainerId as byId, containerRef, def, none } from './define';

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
} as const;
