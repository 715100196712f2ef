import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox, SECRET_KEY_FILE } from './secret-box';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'berth-secrets-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('keyFileSecretBox', () => {
  it('seals to opaque text that opens again, also from a new process reading the same key', () => {
    const dir = tempDir();
    const sealed = keyFileSecretBox(dir).seal('hunter2-ünïcode');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('hunter2');
    expect(keyFileSecretBox(dir).open(sealed)).toBe('hunter2-ünïcode');
    expect(keyFileSecretBox(dir).seal('x')).not.toBe(keyFileSecretBox(dir).seal('x'));
  });

  it('creates the key 0600 and restores 0600 when it was loosened', () => {
    const dir = tempDir();
    keyFileSecretBox(dir);
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    keyFileSecretBox(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses text sealed with another key or altered, and a key file that is not one', () => {
    const a = keyFileSecretBox(tempDir());
    const b = keyFileSecretBox(tempDir());
    const sealed = a.seal('secret');
    expect(() => b.open(sealed)).toThrow();
    const altered = `v1:${Buffer.from(Buffer.from(sealed.slice(3), 'base64').map((x, i) => (i === 30 ? x ^ 1 : x))).toString('base64')}`;
    expect(() => a.open(altered)).toThrow();
    expect(() => a.open('plain text')).toThrow('not a sealed secret');
    const dir = tempDir();
    writeFileSync(join(dir, SECRET_KEY_FILE), 'short');
    expect(() => keyFileSecretBox(dir)).toThrow(/is not a Berth key/);
  });
});
