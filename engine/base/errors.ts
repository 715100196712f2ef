import { ErrorCode, isBerthErrorData, type BerthErrorData } from '../contract';

/** An error a service throws on purpose; the dispatcher turns it into `{ ok: false, error }` unchanged. */
export class BerthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BerthError';
  }

  toData(): BerthErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Last-resort conversion of anything thrown into error data. Engine errors should already have been mapped
 * by engine/docker's error mapper; this only guarantees nothing crosses a boundary as a throw.
 */
export function toErrorData(err: unknown): BerthErrorData {
  if (err instanceof BerthError) return err.toData();
  if (isBerthErrorData(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return { code: ErrorCode.INTERNAL, message: `Unexpected error: ${message}` };
}
