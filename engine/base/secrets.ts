/**
 * Seals secrets (registry passwords) before they are stored and opens them when a service needs them. The
 * desktop app seals with Electron's safeStorage (the OS keychain); web mode and the CLI with a key file only the
 * user can read (engine/store/secret-box.ts). Sealed text is opaque and safe to store in the database.
 */
export interface SecretBox {
  /** How secrets are protected, for the settings page: "the system keychain", "a key file (0600)". */
  readonly protection: string;
  seal(plain: string): string;
  /** Throws when the text was sealed with another key or was altered. */
  open(sealed: string): string;
}
