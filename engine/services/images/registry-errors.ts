import { ErrorCode, parseImageReference, registryOf } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';

/**
 * Turns what the engine says about a registry operation (an HTTP error before the stream started, or an
 * error line inside it) into one error that names the image and the registry and says what to do.
 */
export function registryError(ref: string, action: 'pull' | 'push', err: unknown): BerthError {
  if (err instanceof BerthError && err.code === ErrorCode.CANCELLED) return err;
  const mapped = typeof err === 'string' ? undefined : mapDockerError(err, { action, object: `image ${ref}` });
  if (mapped && (mapped.code === ErrorCode.ENGINE_UNREACHABLE || mapped.code === ErrorCode.CANCELLED)) return mapped;
  const engineMessage =
    typeof err === 'string' ? err : ((mapped?.details as { engineMessage?: string } | undefined)?.engineMessage ?? mapped?.message ?? '');
  const parsed = parseImageReference(ref);
  const registry = parsed.ok ? registryOf(parsed.ref) : 'the registry';
  const details = { engineMessage, ...(mapped?.details && typeof mapped.details === 'object' ? mapped.details : {}) };
  const make = (code: ErrorCode, message: string) => new BerthError(code, message, details);
  const m = engineMessage.toLowerCase();

  if (/manifest unknown|not found|does not exist|no such image|repository .* not found/.test(m)) {
    return action === 'pull'
      ? make(ErrorCode.NOT_FOUND, `${ref} was not found in the registry ${registry}. Check the name and the tag.`)
      : make(ErrorCode.NOT_FOUND, `${ref} does not exist on this engine; tag an image with that name first.`);
  }
  if (/unauthorized|authentication required|denied|no basic auth credentials|401/.test(m)) {
    return make(
      ErrorCode.UNAUTHENTICATED,
      `The registry ${registry} refused to ${action} ${ref}: sign in to it (or check that the repository exists and you may ${action} it).`,
    );
  }
  if (/timeout|timed out|deadline exceeded/.test(m)) {
    return make(ErrorCode.TIMEOUT, `The registry ${registry} did not answer in time; check the network and try again.`);
  }
  if (/connection refused|no such host|dial tcp|network is unreachable|connection reset|server gave http response|x509|tls|eof/.test(m)) {
    return make(
      ErrorCode.ENGINE_ERROR,
      `The registry ${registry} cannot be reached from the engine; check the address and that it is running, then try again.`,
    );
  }
  return make(ErrorCode.ENGINE_ERROR, `The ${action} of ${ref} failed: ${engineMessage || 'the engine gave no reason'}`);
}
