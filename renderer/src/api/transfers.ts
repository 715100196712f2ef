import {
  ErrorCode,
  fail,
  isBerthErrorData,
  type EngineClient,
  type Result,
  type TransferTicket,
} from './contract';

/**
 * Moving bytes through transfer tickets (file downloads, uploads, backups). The method that issued the ticket
 * already checked the caller's role; the ticket id is single-use, so each ticket is fetched exactly once.
 */

/** Starts a browser download of a download ticket (the user's browser shows it; nothing is held in memory). */
export function downloadTicket(client: EngineClient, ticket: TransferTicket, doc: Document = document): void {
  const a = doc.createElement('a');
  a.href = client.transferUrl(ticket.transferId);
  // The server's Content-Disposition names the file; the attribute is a fallback for browsers that prefer it.
  a.download = ticket.filename ?? '';
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
  }
}

export interface UploadProgress {
  loaded: number;
  /** Undefined when the browser cannot tell (it always can for a File or Blob). */
  total?: number;
  fraction?: number;
}

/** The part of XMLHttpRequest an upload uses, so tests can pass a fake. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  withCredentials: boolean;
  readonly upload: {
    onprogress: ((ev: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

export interface UploadOptions {
  signal?: AbortSignal;
  createRequest?: () => UploadRequest;
}

/**
 * POSTs a file to an upload ticket as a raw body. XMLHttpRequest rather than fetch because only XHR reports
 * upload progress. Resolves with the backend's Result (never rejects): HTTP and network failures become
 * error results that say what to do next.
 */
export function uploadFile(
  client: EngineClient,
  ticket: TransferTicket,
  file: Blob,
  onProgress?: (progress: UploadProgress) => void,
  options: UploadOptions = {},
): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve(fail(ErrorCode.CANCELLED, 'The upload was cancelled.'));
      return;
    }
    const xhr = options.createRequest?.() ?? (new XMLHttpRequest() as UploadRequest);
    const onAbortSignal = () => xhr.abort();
    const done = (result: Result<unknown>) => {
      options.signal?.removeEventListener('abort', onAbortSignal);
      resolve(result);
    };
    xhr.open('POST', client.transferUrl(ticket.transferId));
    // The URL's transfer key is the credential (web mode has no cookies); nothing ambient is sent.
    xhr.withCredentials = false;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (ev) => {
      const total = ev.lengthComputable ? ev.total : undefined;
      onProgress?.({
        loaded: ev.loaded,
        ...(total ? { total, fraction: Math.min(1, ev.loaded / total) } : {}),
      });
    };
    xhr.onload = () => done(parseUploadResponse(xhr.status, xhr.responseText));
    xhr.onerror = () =>
      done(
        fail(
          ErrorCode.ENGINE_UNREACHABLE,
          'The upload could not reach the Berth backend; check that Berth is running and try again.',
        ),
      );
    xhr.onabort = () => done(fail(ErrorCode.CANCELLED, 'The upload was cancelled.'));
    options.signal?.addEventListener('abort', onAbortSignal, { once: true });
    xhr.send(file);
  });
}

function parseUploadResponse(status: number, text: string): Result<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const b = body as { ok: unknown; value?: unknown; error?: unknown };
    if (b.ok === true) return { ok: true, value: b.value };
    if (isBerthErrorData(b.error)) return { ok: false, error: b.error };
  }
  if (status === 413) return fail(ErrorCode.INVALID_ARGUMENT, 'The file is too large for this upload.');
  return fail(
    ErrorCode.INTERNAL,
    `The upload failed (HTTP ${status}) with an answer Berth did not understand; try again.`,
    text.slice(0, 500),
  );
}
