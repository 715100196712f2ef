import {
  ErrorCode,
  type AccountInfo,
  type ApiTokenCreated,
  type ApiTokenInfo,
  type Role,
  type SessionInfo,
} from '../../contract';
import type { Caller } from '../../base/audit';
import { BerthError } from '../../base/errors';
import { newApiToken, newRowId } from '../../store/api-tokens';
import { hashPassword, passwordProblem, verifyPassword } from '../../store/passwords';
import type { AccountsStore, StoredAccount } from '../../store/types';

const DAY_MS = 86_400_000;

/**
 * Accounts for the multi-user web mode (docs/adr/0018-accounts-and-roles.md): admins manage them; every
 * signed-in account manages its own password and API tokens. Changes that alter what a live session may do
 * (role, disabled, removed, password) end that account's sessions: the store tells the web host.
 */
export class AccountsService {
  constructor(
    private readonly store: AccountsStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(): AccountInfo[] {
    return this.store.list();
  }

  async create(input: { username: string; password: string; role: Role }): Promise<AccountInfo> {
    checkPassword(input.password);
    if (this.store.byUsername(input.username)) throw taken(input.username);
    const account: StoredAccount = {
      id: newRowId(),
      username: input.username,
      role: input.role,
      createdAt: this.now(),
      disabled: false,
    };
    return this.store.create(account, await hashPassword(input.password));
  }

  update(input: { id: string; role?: Role | undefined; disabled?: boolean | undefined }): AccountInfo {
    const account = this.account(input.id);
    const losesAdmin =
      account.role === 'admin' &&
      !account.disabled &&
      ((input.role && input.role !== 'admin') || input.disabled);
    if (losesAdmin) this.keepAnAdmin(account, input.disabled ? 'disable' : 'change the role of');
    const patch = {
      ...(input.role ? { role: input.role } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    return this.store.update(account.id, patch) ?? account;
  }

  async resetPassword(id: string, password: string): Promise<void> {
    checkPassword(password);
    this.account(id);
    this.store.update(id, { passwordHash: await hashPassword(password) });
  }

  remove(id: string): void {
    const account = this.account(id);
    if (account.role === 'admin' && !account.disabled) this.keepAnAdmin(account, 'remove');
    this.store.remove(id);
  }

  tokens(id: string): ApiTokenInfo[] {
    return this.store.tokens.list(this.account(id).id).map(publicToken);
  }

  revokeToken(accountId: string, tokenId: string): void {
    if (!this.store.tokens.revoke(accountId, tokenId)) {
      throw new BerthError(ErrorCode.NOT_FOUND, 'No such API token (it may have been revoked already).');
    }
  }

  me(caller: Caller): SessionInfo {
    const account = caller.account ? this.store.get(caller.account) : undefined;
    return { user: caller.user, role: caller.role, ...(account ? { account } : {}) };
  }

  async changePassword(caller: Caller, oldPassword: string, newPassword: string): Promise<void> {
    const account = this.own(caller);
    const stored = this.store.passwordHash(account.id) ?? '';
    if (!(await verifyPassword(oldPassword, stored))) {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        'The current password is not right; nothing was changed.',
        [{ path: 'oldPassword', message: 'Not your current password' }],
      );
    }
    checkPassword(newPassword, 'newPassword');
    // The session that asked stays signed in; every other session of this account ends.
    this.store.update(account.id, { passwordHash: await hashPassword(newPassword) }, caller.session);
  }

  ownTokens(caller: Caller): ApiTokenInfo[] {
    return this.store.tokens.list(this.own(caller).id).map(publicToken);
  }

  createToken(caller: Caller, input: { name: string; expiresInDays?: number | undefined }): ApiTokenCreated {
    const account = this.own(caller);
    const { value, hash } = newApiToken();
    const token: ApiTokenInfo = {
      id: newRowId(),
      name: input.name,
      createdAt: this.now(),
      ...(input.expiresInDays ? { expiresAt: this.now() + input.expiresInDays * DAY_MS } : {}),
    };
    this.store.tokens.create({ ...token, accountId: account.id }, hash);
    return { token, value };
  }

  revokeOwnToken(caller: Caller, tokenId: string): void {
    this.revokeToken(this.own(caller).id, tokenId);
  }

  private account(id: string): StoredAccount {
    const account = this.store.get(id);
    if (!account) throw new BerthError(ErrorCode.NOT_FOUND, 'No such account (it may have been removed).');
    return account;
  }

  private own(caller: Caller): StoredAccount {
    const account = caller.account ? this.store.get(caller.account) : undefined;
    if (!account) {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        `You are signed in as the ${caller.user} user, which has no account: passwords and API tokens belong to accounts (berth web --accounts).`,
      );
    }
    return account;
  }

  private keepAnAdmin(account: StoredAccount, what: string): void {
    if (this.store.otherActiveAdmins(account.id) === 0) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `Cannot ${what} ${account.username}: it is the last active admin. Make another account admin first.`,
      );
    }
  }
}

function checkPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new BerthError(ErrorCode.INVALID_ARGUMENT, problem, [{ path: field, message: problem }]);
}

const taken = (username: string) =>
  new BerthError(ErrorCode.CONFLICT, `The username "${username}" is taken (usernames ignore case).`);

const publicToken = ({
  accountId: _accountId,
  ...token
}: ApiTokenInfo & { accountId: string }): ApiTokenInfo => token;
