import type { SecretBox } from '../../engine/base/secrets';

/** The part of Electron's safeStorage the box uses (passed in, so it is testable without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

const PREFIX = 'ss1:';

/**
 * Registry passwords sealed by the OS keychain through Electron's safeStorage (ADR 11). Where the OS offers no
 * keychain (a Linux session without a secret service), or for values the key-file box sealed (`berth web` on the
 * same data folder), the key-file box is used.
 */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, keyFileBox: () => SecretBox): SecretBox {
  let fallback: SecretBox | undefined;
  const files = () => (fallback ??= keyFileBox());
  const keychain = () => safeStorage.isEncryptionAvailable();
  return {
    get protection() {
      return keychain() ? 'the system keychain (Electron safeStorage)' : files().protection;
    },
    seal: (plain) =>
      keychain() ? PREFIX + safeStorage.encryptString(plain).toString('base64') : files().seal(plain),
    open: (sealed) =>
      sealed.startsWith(PREFIX)
        ? safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'))
        : files().open(sealed),
  };
}
