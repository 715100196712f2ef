import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '../contract';

/**
 * Account passwords are hashed with scrypt (memory-hard: each guess costs ~32 MiB and tens of milliseconds,
 * which makes GPU and ASIC guessing expensive). The stored form carries its own parameters and salt, so the
 * cost can be raised later without breaking old hashes: `scrypt$N$r$p$salt$hash` (base64url).
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt minimum (2^17 with r=8) costs ~128 MiB per login; 2^15 keeps 32 MiB, still memory-hard. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MAX_PASSWORD_LENGTH = 1024;

const derive = (password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Constant-time comparison of the derived keys; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash no password matches, verified for unknown usernames so a login takes as long either way. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> =>
  (decoy ??= hashPassword(randomBytes(18).toString('base64url')));

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `A password needs at least ${MIN_PASSWORD_LENGTH} characters (a few words make a good one).`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `A password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim().length === 0) return 'A password cannot be only spaces.';
  return undefined;
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const [kind, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const params = { N, r: Number(r), p: Number(p) };
  if (kind !== 'scrypt' || !salt || !key) return undefined;
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return undefined;
  if ((N & (N - 1)) !== 0 || N > 2 ** 20 || params.r > 32 || params.p > 16) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}
