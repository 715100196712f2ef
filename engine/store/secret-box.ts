import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from '../base/secrets';

export const SECRET_KEY_FILE = 'secret.key';
const PREFIX = 'v1:';

/**
 * A SecretBox over AES-256-GCM with a random key kept in `<dataDir>/secret.key`, created 0600 on first use and
 * put back to 0600 if it was loosened. GCM's tag makes a wrong key or an altered value fail instead of
 * decrypting to garbage.
 */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const key = readOrCreateKey(join(dataDir, SECRET_KEY_FILE));
  return {
    protection: `a key file readable only by you (${SECRET_KEY_FILE} in Berth's data folder)`,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed secret');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function readOrCreateKey(file: string): Buffer {
  try {
    // 'wx' fails if the file exists, so two processes starting at once never overwrite each other's key.
    const fd = openSync(file, 'wx', 0o600);
    const key = randomBytes(32);
    try {
      writeSync(fd, key);
    } finally {
      closeSync(fd);
    }
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${file} is not a regular file`);
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
      throw new Error(`${file} belongs to another user; Berth will not use a key another account controls`);
    }
    if ((st.mode & 0o077) !== 0) chmodSync(file, 0o600);
  } finally {
    closeSync(fd);
  }
  const key = readFileSync(file);
  if (key.length !== 32) throw new Error(`${file} is not a Berth key (expected 32 bytes, found ${key.length})`);
  return key;
}
