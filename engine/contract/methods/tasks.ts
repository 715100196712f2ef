import { z } from 'zod';
import type { TaskInfo } from '../dto';
import { def, none } from './define';

const taskId = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-zA-Z0-9_-]+$/, 'Not a valid task ID'),
  })
  .strict();

export const taskMethods = {
  /** Running tasks and recently finished ones, newest first. */
  'tasks.list': def<TaskInfo[]>()(none, 'read'),
  /** Cancels a running task; a finished task is left as it is. */
  'tasks.cancel': def<void>()(taskId, 'operate'),
  /** Removes a finished task from the list. */
  'tasks.dismiss': def<void>()(taskId, 'operate'),
} as const;
