import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../base/errors';
import type { HttpFailure, HttpResponse } from './http';

/** The registry's own error list (`{"errors":[{"code":"MANIFEST_UNKNOWN","message":...}]}`), when it sent one. */
function registryErrors(res: HttpResponse): { code?: string; message?: string }[] {
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as { errors?: unknown };
    return Array.isArray(parsed.errors) ? (parsed.errors as { code?: string; message?: string }[]) : [];
  } catch {
    return [];
  }
}

/** A non-2xx answer as one error that names the registry and says what to do. */
export function failure(
  res: HttpResponse,
  host: string,
  what: string,
  method: string | undefined,
  hadCredentials = false,
): BerthError {
  const errors = registryErrors(res);
  const details = { status: res.status, ...(errors.length ? { errors } : {}) };
  const said = errors
    .map((e) => e.message)
    .filter(Boolean)
    .join('; ');
  const make = (code: ErrorCode, message: string) => new BerthError(code, message, details);
  switch (res.status) {
    case 401:
      return hadCredentials
        ? make(ErrorCode.UNAUTHENTICATED, `The registry ${host} refused the user name or password.`)
        : make(ErrorCode.UNAUTHENTICATED, `The registry ${host} needs you to sign in to read ${what}.`);
    case 403:
      return make(
        ErrorCode.FORBIDDEN,
        `The registry ${host} does not let this account ${method === 'DELETE' ? 'delete' : 'read'} ${what}.`,
      );
    case 404:
      return make(ErrorCode.NOT_FOUND, `${capitalize(what)} was not found on ${host}.`);
    case 405:
      return method === 'DELETE'
        ? make(
            ErrorCode.FORBIDDEN,
            `The registry ${host} does not allow deleting images (deletion is turned off in its configuration).`,
          )
        : make(ErrorCode.UNAVAILABLE, `The registry ${host} does not support this request.`);
    case 429:
      return make(
        ErrorCode.UNAVAILABLE,
        `The registry ${host} is limiting requests; wait a moment and try again.`,
      );
    default:
      return make(
        ErrorCode.UNAVAILABLE,
        `The registry ${host} answered HTTP ${res.status} for ${what}${said ? `: ${said}` : '.'}`,
      );
  }
}

const TLS_UNTRUSTED =
  /^(?:UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_|ERR_TLS_CERT)/;

/** A network-level failure as one error: what could not be reached and what to check. */
export function httpFailure(err: HttpFailure, url: URL, what: string): BerthError {
  const details = { code: err.code, message: err.message, url: url.origin };
  const host = url.host;
  if (
    err.code === 'ECONNREFUSED' ||
    err.code === 'ECONNRESET' ||
    err.code === 'EHOSTUNREACH' ||
    err.code === 'ENETUNREACH'
  ) {
    return new BerthError(
      ErrorCode.UNAVAILABLE,
      `Nothing answers at ${url.origin}: check the address and that ${what} is running.`,
      details,
    );
  }
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new BerthError(
      ErrorCode.UNAVAILABLE,
      `The host ${url.hostname} cannot be found; check the address (and the network).`,
      details,
    );
  }
  if (err.code === 'ETIMEDOUT') {
    return new BerthError(
      ErrorCode.TIMEOUT,
      `${capitalize(what)} at ${host} did not answer in time (${err.message}).`,
      details,
    );
  }
  if (TLS_UNTRUSTED.test(err.code)) {
    return new BerthError(
      ErrorCode.UNAVAILABLE,
      `The TLS certificate of ${host} is not trusted (${err.code}); add the CA certificate that signed it to this registry's settings.`,
      details,
    );
  }
  if (err.code === 'EPROTO' || err.code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return new BerthError(
      ErrorCode.UNAVAILABLE,
      `${host} does not answer HTTPS; if it is a plain-HTTP registry, mark it as insecure (HTTP) in its settings.`,
      details,
    );
  }
  return new BerthError(
    ErrorCode.UNAVAILABLE,
    `${capitalize(what)} at ${host} failed: ${err.message}.`,
    details,
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
