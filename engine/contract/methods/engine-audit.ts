import type { EngineChecks } from '../dto';
import { def, none } from './define';

export const engineAuditMethods = {
  /** Runs every engine check now (a few reads of the engine; nothing is changed). */
  'engineAudit.checks': def<EngineChecks>()(none, 'read'),
} as const;
