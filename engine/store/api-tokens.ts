import { createHash, randomBytes } from 'node:crypto';

/** API tokens start with this, so the web guard looks one up only for values that can be one. */
export const API_TOKEN_PREFIX = 'berth_pat_';

/** 256 random bits: a fast hash is enough to store it (nothing to brute-force), and lookups stay cheap. */
export const hashApiToken = (value: string): string => createHash('sha256').update(value).digest('base64url');

export function newApiToken(): { value: string; hash: string } {
  const value = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { value, hash: hashApiToken(value) };
}

/** A short public id for an account or token row. */
export const newRowId = (): string => randomBytes(9).toString('base64url');
