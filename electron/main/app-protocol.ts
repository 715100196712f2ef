import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { ErrorCode } from '../../engine/contract';
import type { TransferRegistry } from '../../engine/base/transfers';
import { errorReply } from '../../engine/host/transfer-serve';
import { serveAppTransfer, toResponse, transferIdOf } from './app-transfers';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The renderer is served from `app://berth/` rather than `file://`: a standard, secure scheme gives the page a
 * real origin (so the IPC sender check and the navigation guard compare one exact origin, and `file://` pages
 * cannot read arbitrary files through relative URLs), and the handler below serves only files under the
 * renderer's build folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'berth';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs on the app origin. Compared by protocol and host instead of `URL.origin`, because Node's
 * WHATWG URL reports the origin of non-special schemes such as `app:` as the string "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Must run before the app's `ready` event (Electron's rule for privileged schemes). `corsEnabled` is left
 * unset on purpose: the renderer loads its modules from its own origin, and that privilege would let other
 * origins read app:// responses without any Access-Control-Allow-Origin check.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const notFound = (): Response => new Response('Not found', { status: 404 });

/**
 * Resolves a request path to a file inside `rootDir`, or undefined when it would leave it (`..`, encoded
 * separators, absolute paths, NUL bytes). Extensionless paths fall back to index.html for client-side routes.
 */
export function resolveAppPath(rootDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const root = path.resolve(rootDir);
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return undefined;
  }
  return file;
}

export interface AppRequestOptions {
  /** The backend's transfer tickets, once it is up (app://berth/api/transfer/<id>). */
  transfers?: () => TransferRegistry | undefined;
}

/**
 * The `protocol.handle` callback: GET/HEAD of files under `rootDir`, with Berth's CSP on every response, and
 * transfer tickets under /api/transfer/.
 */
export function createAppRequestHandler(
  rootDir: string,
  options: AppRequestOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (!isAppUrl(request.url)) return notFound();
    const transferId = transferIdOf(url.pathname);
    if (transferId !== undefined) {
      const origin = request.headers.get('origin');
      if (request.method === 'POST' && origin !== null && !isAppUrl(origin)) {
        return toResponse(
          errorReply({ code: ErrorCode.FORBIDDEN, message: 'Cross-origin request refused.' }),
        );
      }
      return serveAppTransfer(request, transferId, options.transfers?.());
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const requested = resolveAppPath(rootDir, url.pathname);
    if (!requested) return notFound();
    const file = (await isFile(requested))
      ? requested
      : path.extname(requested) === ''
        ? path.join(rootDir, 'index.html')
        : undefined;
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = {
      'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // webRequest.onHeadersReceived is not guaranteed to see responses of custom protocols, so the CSP is
      // also set here, where app:// pages are produced.
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** After `ready`: serve the renderer build from `rootDir` on app://berth/, and transfers once the backend is up. */
export function installAppProtocol(rootDir: string, transfers?: () => TransferRegistry | undefined): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, transfers ? { transfers } : {}));
}
