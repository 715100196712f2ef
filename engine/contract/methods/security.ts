import type { ContainerAudit, SecuritySummary } from '../dto';
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
} as const;
