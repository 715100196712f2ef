import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox } from '../../engine/store/secret-box';
import { safeStorageSecretBox, type SafeStorageLike } from './secret-box';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const keyFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'berth-ss-'));
  dirs.push(d);
  return () => keyFileSecretBox(d);
};

/** A keychain stand-in that really transforms the bytes (XOR), so a missing decrypt would show. */
const keychain = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('safeStorageSecretBox', () => {
  it('seals with the keychain when there is one and opens it again', () => {
    const box = safeStorageSecretBox(keychain(true), keyFile());
    const sealed = box.seal('registry-pass');
    expect(sealed).toMatch(/^ss1:/);
    expect(sealed).not.toContain('registry-pass');
    expect(box.open(sealed)).toBe('registry-pass');
    expect(box.protection).toMatch(/keychain/);
  });

  it('falls back to the key file without a keychain, and opens values the key file sealed', () => {
    const files = keyFile();
    const without = safeStorageSecretBox(keychain(false), files);
    const sealed = without.seal('pw');
    expect(sealed).toMatch(/^v1:/);
    expect(safeStorageSecretBox(keychain(true), files).open(sealed)).toBe('pw');
    expect(without.protection).toMatch(/key file/);
  });
});
