import type { securityMethods } from '../../contract/methods/security';
import type { Domain, ServiceContext } from '../context';
import { SecurityService } from './service';

/** The security lens: live per-container findings and their summary. */
export function securityDomain(ctx: ServiceContext): Domain<typeof securityMethods> {
  const security = new SecurityService(ctx);
  return {
    handlers: {
      'security.list': () => security.list(),
      'security.summary': () => security.summary(),
    },
    dispose: () => security.dispose(),
  };
}
