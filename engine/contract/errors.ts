/** Error codes that cross every boundary (IPC, HTTP/WebSocket, CLI). Errors travel as data, never as throws. */
export const ErrorCode = {
  /** The engine cannot be reached (socket missing, connection refused, daemon gone). */
  ENGINE_UNREACHABLE: 'ENGINE_UNREACHABLE',
  /** No container engine is installed on this machine; see the install hint in the engine status. */
  ENGINE_NOT_INSTALLED: 'ENGINE_NOT_INSTALLED',
  /** The engine answered with an error that has no more specific code. */
  ENGINE_ERROR: 'ENGINE_ERROR',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** The engine says the object is already in the requested state (HTTP 304). */
  NOT_MODIFIED: 'NOT_MODIFIED',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  METHOD_NOT_FOUND: 'METHOD_NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TIMEOUT: 'TIMEOUT',
  /** A remote service other than the engine (a registry, a catalog URL) cannot be reached or answered badly. */
  UNAVAILABLE: 'UNAVAILABLE',
  CANCELLED: 'CANCELLED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface BerthErrorData {
  code: ErrorCode;
  /** One sentence a person can act on: what happened and what to do next. */
  message: string;
  /** Technical details (engine message, status code, validation issues), shown behind a disclosure. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BerthErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export function isBerthErrorData(value: unknown): value is BerthErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (Object.values(ErrorCode) as string[]).includes(v.code)
  );
}
