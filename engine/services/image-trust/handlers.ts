import type { imageTrustMethods } from '../../contract/methods/image-trust';
import type { Domain, ServiceContext } from '../context';
import { cosignSignature } from './signature';

/**
 * Image trust: signatures as the registry reports them, read through the registries domain's own manifest method
 * (`ctx.call`), so saved logins, CAs and token auth apply as for any other registry read.
 */
export function imageTrustDomain(ctx: ServiceContext): Domain<typeof imageTrustMethods> {
  return {
    handlers: {
      'imageTrust.signature': ({ id, repository, digest }, caller) =>
        cosignSignature(digest, (reference) => ctx.call('registries.manifest', { id, repository, reference }, caller)),
    },
  };
}
