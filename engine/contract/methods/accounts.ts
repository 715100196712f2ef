import { z } from 'zod';
import type { AccountInfo, ApiTokenCreated, ApiTokenInfo, SessionInfo } from '../dto';
import { def, none } from './define';

/** Also checked by the server (accounts service, setup and login routes) with the same messages. */
export const MIN_PASSWORD_LENGTH = 12;
export const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

export const username = z
  .string()
  .trim()
  .min(1, 'A username is required')
  .max(64, 'A username has at most 64 characters')
  .regex(USERNAME_PATTERN, 'Use letters, digits, ".", "_" or "-", starting with a letter or digit')
  .refine((v) => v.toLowerCase() !== 'local', '"local" is the name of the desktop user; choose another');
/** Length only here; the server says why a password is refused (passwordProblem). */
const password = z.string().max(1024, 'A password may have at most 1024 characters');
const role = z.enum(['admin', 'operator', 'viewer']);
const accountId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not an account id');
const tokenId = accountId;
const tokenDraft = {
  name: z.string().trim().min(1, 'A token needs a name').max(100),
  /** Days until it stops working; absent: until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
};

/**
 * Accounts (admin) and the caller's own session (every role: `access: 'read'`, audited where it changes
 * something). Passwords and token values are redacted from the audit log by their field names.
 */
export const accountsMethods = {
  'accounts.list': def<AccountInfo[]>()(none, 'admin', { mutates: false }),
  'accounts.create': def<AccountInfo>()(z.object({ username, password, role }).strict(), 'admin'),
  'accounts.update': def<AccountInfo>()(
    z.object({ id: accountId, role: role.optional(), disabled: z.boolean().optional() }).strict(),
    'admin',
  ),
  'accounts.resetPassword': def<void>()(z.object({ id: accountId, password }).strict(), 'admin'),
  'accounts.remove': def<void>()(z.object({ id: accountId }).strict(), 'admin'),
  'accounts.tokens': def<ApiTokenInfo[]>()(z.object({ id: accountId }).strict(), 'admin', { mutates: false }),
  'accounts.revokeToken': def<void>()(z.object({ id: accountId, tokenId }).strict(), 'admin'),
  'session.me': def<SessionInfo>()(none, 'read'),
  'session.changePassword': def<void>()(
    z.object({ oldPassword: password, newPassword: password }).strict(),
    'read',
    { mutates: true },
  ),
  'session.tokens': def<ApiTokenInfo[]>()(none, 'read'),
  'session.createToken': def<ApiTokenCreated>()(z.object(tokenDraft).strict(), 'read', { mutates: true }),
  'session.revokeToken': def<void>()(z.object({ tokenId }).strict(), 'read', { mutates: true }),
} as const;
