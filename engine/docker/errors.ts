import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';

/** What the caller was doing, so messages can name the object ("container web-1") instead of "the object". */
export interface ErrorContext {
  /** e.g. "container web-1" */
  object?: string;
  /** e.g. "start" */
  action?: string;
}

/** Technical details kept behind the UI's disclosure: the engine's own words and the raw status/code. */
export interface DockerErrorDetails {
  statusCode?: number;
  engineMessage?: string;
  code?: string;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EPIPE',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOTSOCK',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/**
 * Maps anything dockerode / docker-modem / node:net / ssh2 throws to one BerthError, once, at the edge of the
 * engine layer. The message says what happened and what to do; the engine's own text stays in `details`.
 */
export function mapDockerError(err: unknown, context: ErrorContext = {}): BerthError {
  if (err instanceof BerthError) return err;
  const e = asRecord(err);
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const engineMessage = engineMessageOf(e);
  const details: DockerErrorDetails = {
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(engineMessage ? { engineMessage } : {}),
    ...(code ? { code } : {}),
  };
  const what = context.object ?? 'the object';
  const said = engineMessage ? ` The engine said: ${engineMessage}` : '';
  const make = (c: ErrorCode, message: string) => new BerthError(c, message, details);

  if (statusCode !== undefined) {
    switch (statusCode) {
      case 304:
        return make(ErrorCode.NOT_MODIFIED, `${cap(what)} is already in the requested state.`);
      case 400:
        return make(ErrorCode.INVALID_ARGUMENT, `The engine rejected the request as invalid.${said}`);
      case 401:
        return make(
          ErrorCode.UNAUTHENTICATED,
          `The engine asks for credentials; sign in and try again.${said}`,
        );
      case 403:
        return make(ErrorCode.FORBIDDEN, `The engine does not allow this operation.${said}`);
      case 404:
        return make(
          ErrorCode.NOT_FOUND,
          `${cap(what)} was not found on the engine; it may have been removed. Refresh the list.${said}`,
        );
      case 409:
        return make(ErrorCode.CONFLICT, conflictMessage(what, engineMessage));
      default:
        return make(
          ErrorCode.ENGINE_ERROR,
          `The engine failed${actionText(context)} (HTTP ${statusCode}).${said}`,
        );
    }
  }

  const message = typeof e.message === 'string' ? e.message : String(err);
  // AbortSignal.timeout() aborts with an AbortError whose cause is the TimeoutError: that is a timeout.
  if (e.name === 'TimeoutError' || asRecord(e.cause).name === 'TimeoutError') {
    return make(
      ErrorCode.TIMEOUT,
      `The engine did not answer in time; it may be busy or the network is slow. Try again.`,
    );
  }
  if (e.name === 'AbortError' || code === 'ABORT_ERR') {
    return make(ErrorCode.CANCELLED, `The request to the engine was cancelled.`);
  }
  if ((code && TIMEOUT_CODES.has(code)) || /timed? ?out/i.test(message)) {
    return make(
      ErrorCode.TIMEOUT,
      `The engine did not answer in time; it may be busy or the network is slow. Try again.`,
    );
  }
  if (code === 'EACCES') {
    return make(
      ErrorCode.FORBIDDEN,
      'Permission denied on the engine socket. Add your user to the "docker" group (then log in again) or choose another engine.',
    );
  }
  if (code && TLS_CODES.has(code)) {
    return make(
      ErrorCode.ENGINE_UNREACHABLE,
      `The TLS connection to the engine failed (${code}). Check the CA, certificate and key configured for it.`,
    );
  }
  if (/Host denied \(verification failed\)/.test(message)) {
    return make(
      ErrorCode.FORBIDDEN,
      'The SSH host key of the engine host is not trusted: it is not in ~/.ssh/known_hosts, or it changed since ' +
        'you last connected. Run `ssh user@host` once to check and accept the key (or investigate a change), then try again.',
    );
  }
  if (e.level === 'client-authentication') {
    return make(
      ErrorCode.UNAUTHENTICATED,
      'SSH authentication to the engine host failed. Check that your SSH agent holds a key the host accepts.',
    );
  }
  if ((code && UNREACHABLE_CODES.has(code)) || /socket hang up|ECONNREFUSED|ECONNRESET/i.test(message)) {
    return make(
      ErrorCode.ENGINE_UNREACHABLE,
      'The container engine cannot be reached. Check that it is running, or choose another engine in Settings.',
    );
  }
  return new BerthError(
    ErrorCode.ENGINE_ERROR,
    `The engine failed${actionText(context)}: ${message.trim()}`,
    details,
  );
}

function conflictMessage(what: string, engineMessage: string | undefined): string {
  const m = engineMessage ?? '';
  if (/cannot remove a running container|stop the container before/i.test(m)) {
    return `${cap(what)} is running. Stop it first, or remove it with force.`;
  }
  if (/is paused/i.test(m)) return `${cap(what)} is paused. Unpause it first.`;
  if (/is not paused/i.test(m)) return `${cap(what)} is not paused.`;
  if (/is not running/i.test(m)) return `${cap(what)} is not running. Start it first.`;
  if (/already in use/i.test(m))
    return `The name is already in use by another object. Choose another name or remove it.`;
  return `The engine refused because of a conflict with the current state of ${what}.${m ? ` The engine said: ${m}` : ''}`;
}

/** docker-modem puts the engine's JSON body in `json` and prefixes `message` with "(HTTP code N) reason - ". */
function engineMessageOf(e: Record<string, unknown>): string | undefined {
  const json = asRecord(e.json);
  if (typeof json.message === 'string' && json.message.trim()) return json.message.trim();
  if (typeof e.statusCode === 'number' && typeof e.message === 'string') {
    const m = /^\(HTTP code \d+\)[^-]*- (.*)$/s.exec(e.message.trim());
    const tail = m?.[1]?.trim();
    if (tail) return tail;
  }
  if (typeof e.json === 'string' && e.json.trim()) return e.json.trim();
  return undefined;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const actionText = (c: ErrorContext) => (c.action ? ` to ${c.action} ${c.object ?? ''}`.trimEnd() : '');
