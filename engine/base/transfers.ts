import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ErrorCode, type TransferTicket } from '../contract';
import { currentCaller } from './caller-scope';
import { BerthError } from './errors';

export interface DownloadSource {
  filename: string;
  contentType?: string;
  /** Opens the byte stream when the client fetches the ticket (not before: nothing runs for unused tickets). */
  open(signal: AbortSignal): Promise<Readable>;
}

export interface UploadSink {
  /** Uploads larger than this are cut off with an error (default 10 GiB). */
  maxBytes?: number;
  /** Consumes the request body; its return value is sent back as the upload's JSON result. */
  accept(body: Readable, signal: AbortSignal): Promise<unknown>;
}

export type Transfer = ({ direction: 'download' } & DownloadSource) | ({ direction: 'upload' } & UploadSink);

const TTL_MS = 5 * 60_000;

/**
 * One-time, short-lived tickets for bytes that do not belong in JSON messages. The method that issues a
 * ticket has already been authorized by the dispatcher. A ticket belongs to the web session whose call made
 * it (undefined outside web mode): only that session can redeem it, so the id alone is not enough.
 * Hosts serve tickets at HTTP_PATHS.transfer (web) or app://berth/api/transfer/ (Electron).
 */
export class TransferRegistry {
  private readonly tickets = new Map<string, { transfer: Transfer; expiresAt: number; owner?: string }>();

  download(source: DownloadSource): TransferTicket {
    return this.add({ direction: 'download', ...source }, source.filename);
  }

  upload(sink: UploadSink): TransferTicket {
    return this.add({ direction: 'upload', ...sink });
  }

  /**
   * Takes a ticket (single use). `owner` is the redeeming web session (undefined outside web mode). Throws
   * NOT_FOUND for unknown, used, expired or another session's tickets (the same answer: no oracle), and a
   * wrong owner does not use the ticket up.
   */
  take(id: string, direction: Transfer['direction'], owner?: string): Transfer {
    this.sweep();
    const t = this.tickets.get(id);
    if (!t || t.transfer.direction !== direction || t.owner !== owner) {
      throw new BerthError(
        ErrorCode.NOT_FOUND,
        'This transfer link was already used or has expired; start it again.',
      );
    }
    this.tickets.delete(id);
    return t.transfer;
  }

  dispose(): void {
    this.tickets.clear();
  }

  private add(transfer: Transfer, filename?: string): TransferTicket {
    this.sweep();
    const transferId = randomBytes(16).toString('base64url');
    const expiresAt = Date.now() + TTL_MS;
    const owner = currentCaller()?.session;
    this.tickets.set(transferId, { transfer, expiresAt, ...(owner !== undefined ? { owner } : {}) });
    return { transferId, direction: transfer.direction, expiresAt, ...(filename ? { filename } : {}) };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, t] of this.tickets) if (t.expiresAt < now) this.tickets.delete(id);
  }
}

/** A filename safe for Content-Disposition. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
