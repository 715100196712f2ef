import type { securityMethods } from '../../contract/methods/security';
import type { Domain, ServiceContext } from '../context';
import { ImageSecurity } from './images';
import { SecurityService } from './service';

/** The security lens: live per-container and per-image findings, their summary, and image deep scans. */
export function securityDomain(ctx: ServiceContext): Domain<typeof securityMethods> {
  const security = new SecurityService(ctx);
  const images = new ImageSecurity(ctx, ctx.tasks);
  return {
    handlers: {
      'security.list': () => security.list(),
      'security.summary': () => security.summary(),
      'security.images': () => images.list(),
      'security.scanImage': ({ id }) => Promise.resolve(images.scan(id)),
    },
    dispose: () => {
      images.dispose();
      security.dispose();
    },
  };
}
