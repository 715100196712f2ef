import { describe, expect, it } from 'vitest';
import { BerthError } from '../base/errors';
import { mapDockerError } from './errors';

/** The shape docker-modem gives an HTTP error: message prefix, statusCode and the engine's JSON body. */
function modemError(statusCode: number, reason: string, engineMessage: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${engineMessage} `), {
    statusCode,
    reason,
    json: { message: engineMessage },
  });
}
const sysError = (code: string, message = `connect ${code} /x.sock`) =>
  Object.assign(new Error(message), { code });

describe('mapDockerError', () => {
  it.each([
    [304, 'NOT_MODIFIED'],
    [400, 'INVALID_ARGUMENT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [500, 'ENGINE_ERROR'],
    [503, 'ENGINE_ERROR'],
  ])('maps HTTP %i to %s and keeps the engine message in details', (status, code) => {
    const mapped = mapDockerError(modemError(status, 'x', 'engine words'), { object: 'container web' });
    expect(mapped).toBeInstanceOf(BerthError);
    expect(mapped.code).toBe(code);
    expect(mapped.details).toMatchObject({ statusCode: status, engineMessage: 'engine words' });
  });

  it('names the object and says what to do for a missing container', () => {
    const m = mapDockerError(modemError(404, 'no such container', 'No such container: abc'), {
      object: 'container abc',
    });
    expect(m.message).toMatch(/^Container abc was not found/);
    expect(m.message).toMatch(/Refresh/);
  });

  it('turns "cannot remove a running container" into an instruction', () => {
    const m = mapDockerError(
      modemError(
        409,
        'conflict',
        'You cannot remove a running container 0123. Stop the container before attempting removal or force remove',
      ),
      { object: 'container web' },
    );
    expect(m.code).toBe('CONFLICT');
    expect(m.message).toBe('Container web is running. Stop it first, or remove it with force.');
    expect((m.details as { engineMessage?: string }).engineMessage).toContain('cannot remove a running');
  });

  it('reads the engine message from the modem text when the body was not JSON', () => {
    const err = Object.assign(new Error('(HTTP code 500) server error - boom happened '), {
      statusCode: 500,
    });
    expect(mapDockerError(err).details).toMatchObject({ engineMessage: 'boom happened' });
  });

  it.each(['ECONNREFUSED', 'ENOENT', 'EPIPE', 'ECONNRESET', 'EHOSTUNREACH'])(
    'maps %s to ENGINE_UNREACHABLE',
    (code) => {
      const m = mapDockerError(sysError(code));
      expect(m.code).toBe('ENGINE_UNREACHABLE');
      expect(m.details).toMatchObject({ code });
      expect(m.message).toMatch(/cannot be reached/);
    },
  );

  it('maps "socket hang up" to ENGINE_UNREACHABLE', () => {
    expect(mapDockerError(new Error('socket hang up')).code).toBe('ENGINE_UNREACHABLE');
  });

  it('maps timeouts and aborts', () => {
    expect(mapDockerError(sysError('ETIMEDOUT')).code).toBe('TIMEOUT');
    expect(
      mapDockerError(
        Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      ).code,
    ).toBe('TIMEOUT');
    expect(mapDockerError(Object.assign(new Error('aborted'), { name: 'AbortError' })).code).toBe(
      'CANCELLED',
    );
    // What node:http throws when an AbortSignal.timeout() fires.
    const timedOut = Object.assign(new Error('The operation was aborted'), {
      name: 'AbortError',
      code: 'ABORT_ERR',
      cause: Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
    });
    expect(mapDockerError(timedOut).code).toBe('TIMEOUT');
  });

  it('explains a permission problem on the socket', () => {
    const m = mapDockerError(sysError('EACCES'));
    expect(m.code).toBe('FORBIDDEN');
    expect(m.message).toMatch(/docker" group/);
  });

  it('maps TLS and SSH authentication failures', () => {
    expect(mapDockerError(sysError('CERT_HAS_EXPIRED', 'certificate has expired')).message).toMatch(/TLS/);
    const ssh = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(mapDockerError(ssh).code).toBe('UNAUTHENTICATED');
  });

  it('falls back to ENGINE_ERROR for anything else, and passes BerthErrors through', () => {
    const m = mapDockerError(new Error('weird'), { action: 'start', object: 'container a' });
    expect(m.code).toBe('ENGINE_ERROR');
    expect(m.message).toBe('The engine failed to start container a: weird');
    expect(mapDockerError('plain string').code).toBe('ENGINE_ERROR');
    const original = new BerthError('NOT_FOUND', 'x');
    expect(mapDockerError(original)).toBe(original);
  });
});
