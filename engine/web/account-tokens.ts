import { API_TOKEN_PREFIX, hashApiToken } from '../store/api-tokens';
import type { AccountsStore } from '../store/types';
import type { AuthAudit } from './auth-audit';
import type { WebSession } from './sessions';

/** An account's API token (ADR 18): looked up by hash on every request, so revoking or disabling acts at once. */
export function accountToken(
  accounts: AccountsStore,
  secret: string,
  now = Date.now(),
): WebSession | undefined {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return undefined;
  const token = accounts.tokens.byHash(hashApiToken(secret));
  if (!token || (token.expiresAt !== undefined && token.expiresAt <= now)) return undefined;
  const account = accounts.get(token.accountId);
  if (!account || account.disabled) return undefined;
  // One write a minute at most, not one per request.
  if ((token.lastUsedAt ?? 0) < now - 60_000) accounts.tokens.touch(token.id, now);
  return {
    id: `token.${token.id}`,
    caller: { role: account.role, user: account.username, via: 'web', account: account.id },
    // A token opens no transfer; a script that needs one asks POST /api/session for a session first.
    transferKey: '',
    expiresAt: token.expiresAt ?? Number.POSITIVE_INFINITY,
    endsAt: Number.POSITIVE_INFINITY,
  };
}

/**
 * A credential that opened nothing: when it looks like an account's API token, the audit log gets why (unknown
 * or revoked, expired, its account disabled) and whose it was, if anyone's. Session secrets that ended are not
 * written: a page left open across a restart would fill the log with nothing worth reading.
 */
export function refusedTokenAudit(
  accounts: AccountsStore,
  audit: AuthAudit,
  secret: string,
  client: string,
  now = Date.now(),
): void {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return;
  const token = accounts.tokens.byHash(hashApiToken(secret));
  const account = token ? accounts.get(token.accountId) : undefined;
  const expired = token?.expiresAt !== undefined && token.expiresAt <= now;
  const reason = expired ? 'expired-token' : account?.disabled ? 'disabled' : 'unknown-token';
  audit.failure('auth.token', {
    user: account?.username ?? '',
    client,
    reason,
    errorCode: reason === 'disabled' ? 'FORBIDDEN' : 'UNAUTHENTICATED',
  });
}
