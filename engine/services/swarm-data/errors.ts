import { ErrorCode, type SwarmDataKind } from '../../contract';
import { BerthError } from '../../base/errors';
import { mapDockerError, type DockerErrorDetails } from '../../docker/errors';
import { isNotManager } from '../common/swarm-manager';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The message for a remove refused because services use the object. */
export function inUseMessage(kind: SwarmDataKind, name: string, services: readonly string[]): string {
  const list = services.join(', ');
  const those = services.length === 1 ? `service ${list}` : `services ${list}`;
  return `${cap(kind)} ${name} is used by ${those}. Remove it from ${services.length === 1 ? 'that service' : 'those services'} (or remove ${services.length === 1 ? 'the service' : 'them'}) first.`;
}

export const notManagerMessage = (kind: SwarmDataKind) =>
  `${cap(kind)}s live in the swarm and need a manager: connect Berth to a manager node, or create a swarm (init) first.`;

export const nameTakenMessage = (kind: SwarmDataKind, name: string) =>
  `A ${kind} named ${name} already exists. Choose another name (${kind}s cannot be changed: to replace one, remove it first).`;

export const tooLargeMessage = (kind: SwarmDataKind) =>
  `The ${kind} is too large: the engine takes less than 500 KiB (512,000 bytes).`;

/** Maps an engine error on a secret/config call: not a manager, name taken, in use (services named), too large. */
export function mapDataError(err: unknown, kind: SwarmDataKind, action: string, name: string): BerthError {
  const mapped = mapDockerError(err, { action, object: `${kind} ${name}` });
  const details = (mapped.details ?? {}) as DockerErrorDetails & Record<string, unknown>;
  const said = details.engineMessage ?? '';
  const make = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) =>
    new BerthError(code, message, { ...details, ...extra });
  if (isNotManager(err)) return make(ErrorCode.FORBIDDEN, notManagerMessage(kind));
  if (/already exists|name conflicts/i.test(said)) return make(ErrorCode.CONFLICT, nameTakenMessage(kind, name), { field: 'name' });
  const inUse = /is in use by the following services?: (.+)$/i.exec(said)?.[1];
  if (inUse) {
    const services = inUse.split(',').map((s) => s.trim()).filter(Boolean);
    return make(ErrorCode.CONFLICT, inUseMessage(kind, name, services), { services });
  }
  if (/larger than 0 and less than 500 ?KB|too large/i.test(said)) return make(ErrorCode.INVALID_ARGUMENT, tooLargeMessage(kind), { field: 'content' });
  return mapped;
}
