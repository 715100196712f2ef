import type { engineAuditMethods } from '../../contract/methods/engine-audit';
import type { Domain, ServiceContext } from '../context';
import { runEngineChecks } from './checks';
import { gatherFacts } from './facts';

/**
 * Engine-wide security checks (CIS Docker Benchmark, daemon section): from the engine's info (through
 * `system.info`, so there is one reading of GET /info), its default bridge, how Berth connects and, for an engine
 * on this machine, the filesystems under its data root.
 */
export function engineAuditDomain(ctx: ServiceContext): Domain<typeof engineAuditMethods> {
  return {
    handlers: {
      'engineAudit.checks': async (_params, caller) => {
        const docker = ctx.engine.docker();
        const connection = ctx.engine.getStatus().engine ?? { endpoint: 'unknown://' };
        const info = await ctx.call('system.info', {}, caller);
        const facts = await gatherFacts(docker, connection, info);
        return { endpoint: connection.endpoint, local: facts.local, checkedAt: Date.now(), checks: runEngineChecks(facts) };
      },
    },
  };
}
