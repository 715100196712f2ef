import type { accountsMethods } from '../../contract/methods/accounts';
import type { Domain, ServiceContext } from '../context';
import { AccountsService } from './service';

/** The accounts domain: web-mode accounts (admin) and the caller's own session, password and API tokens. */
export function accountsDomain(ctx: ServiceContext): Domain<typeof accountsMethods> {
  const accounts = new AccountsService(ctx.store.accounts);
  // Store-only operations are synchronous; a throw inside the executor still becomes a rejected promise.
  const now = <T>(run: () => T) => new Promise<T>((resolve) => resolve(run()));
  return {
    handlers: {
      'accounts.list': () => now(() => accounts.list()),
      'accounts.create': (input) => accounts.create(input),
      'accounts.update': (input) => now(() => accounts.update(input)),
      'accounts.resetPassword': ({ id, password }) => accounts.resetPassword(id, password),
      'accounts.remove': ({ id }) => now(() => accounts.remove(id)),
      'accounts.tokens': ({ id }) => now(() => accounts.tokens(id)),
      'accounts.revokeToken': ({ id, tokenId }) => now(() => accounts.revokeToken(id, tokenId)),
      'session.me': (_, caller) => now(() => accounts.me(caller)),
      'session.changePassword': ({ oldPassword, newPassword }, caller) =>
        accounts.changePassword(caller, oldPassword, newPassword),
      'session.tokens': (_, caller) => now(() => accounts.ownTokens(caller)),
      'session.createToken': (input, caller) => now(() => accounts.createToken(caller, input)),
      'session.revokeToken': ({ tokenId }, caller) => now(() => accounts.revokeOwnToken(caller, tokenId)),
    },
  };
}
