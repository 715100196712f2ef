import { z } from 'zod';
import type { ContainerAudit, ImageAudit, SecuritySummary, TaskRef } from '../dto';
import { def, none } from './define';

/**
 * The security lens: findings per container from the rules in `contract/security` (CIS Docker Benchmark
 * derived). Reading findings is a viewer's right; fixing one goes through `containers.recreate`.
 */
export const securityMethods = {
  /** Every container's findings (containers without findings included, with `findings: []`). */
  'security.list': def<ContainerAudit[]>()(none, 'read'),
  /** Counts per severity, rule, compose project and swarm service. */
  'security.summary': def<SecuritySummary>()(none, 'read'),
  /** Every image's findings from its config and history (images without findings included). */
  'security.images': def<ImageAudit[]>()(none, 'read'),
  /**
   * Deep scan (CIS 4.8): a task that creates a never-started container from the image, reads its filesystem's
   * tar headers for setuid/setgid files and removes the container whatever happens. Operator: it reads inside
   * the image, which viewers do not.
   */
  'security.scanImage': def<TaskRef>()(z.object({ id: z.string().regex(/^(?:sha256:)?[0-9a-f]{12,64}$/, 'An image ID is required') }), 'operate'),
} as const;
