/**
 * A one-time, short-lived ticket for moving bytes that do not belong in JSON messages (file downloads, uploads,
 * backups, image tarballs). The renderer turns it into a URL with `transferUrl()`; the method that issued it
 * already checked the caller's role.
 */
export interface TransferTicket {
  transferId: string;
  direction: 'download' | 'upload';
  /** Suggested file name for downloads. */
  filename?: string;
  /** Milliseconds since epoch after which the ticket is void if unused. */
  expiresAt: number;
}
