import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes with scrypt, a random salt and the parameters kept in the hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
  });

  it('verifies the right password only, and old parameters keep working', async () => {
    const stored = await hashPassword('correct horse battery', cheap);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats malformed or absurd stored hashes as no match instead of throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$3$8$1$c2FsdA$a2V5',
      'scrypt$1073741824$8$1$c2FsdA$a2V5',
      'bcrypt$1$2$3$4$5',
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('asks for at least 12 characters (counted as characters, not bytes) and not only spaces', () => {
    expect(passwordProblem('short')).toMatch(/at least 12 characters/);
    expect(passwordProblem('            ')).toMatch(/only spaces/);
    expect(passwordProblem('ééééééééééé')).toMatch(/at least 12/);
    expect(passwordProblem('correct horse')).toBeUndefined();
    expect(passwordProblem('x'.repeat(1025))).toMatch(/at most 1024/);
  });
});
