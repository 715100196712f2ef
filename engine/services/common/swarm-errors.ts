import { ErrorCode, type SwarmStatus } from '../../contract';
import { mapDockerError, type DockerErrorDetails, type ErrorContext } from '../../docker/errors';
import { BerthError } from '../../base/errors';

/** What a swarm error message may name: the object acted on, the manager addresses and this engine's status. */
export interface SwarmErrorContext extends ErrorContext {
  /** The managers a join went to. */
  remoteAddrs?: readonly string[];
  status?: SwarmStatus | undefined;
}

/** The field of the service form an engine complaint is about (its text names the spec part). */
const FIELD_PATTERNS: [RegExp, string][] = [
  [/constraint|placement/i, 'constraints'],
  [/port '?\d+'? is already in use|published port|port.*(conflict|in use)|PortConfig/i, 'ports'],
  [/mount|volume/i, 'mounts'],
  [/network/i, 'networks'],
  [/image/i, 'image'],
  [/replicas|mode/i, 'replicas'],
  [/secret/i, 'secrets'],
  [/config/i, 'configs'],
  [/resources|memory|nanocpus|cpu/i, 'limits'],
  [/name/i, 'name'],
];

/** "rpc error: code = InvalidArgument desc = X" says only X to a person. */
export function plainEngineText(text: string): string {
  return text.replace(/^rpc error: code = \w+ desc = /, '').trim();
}

export function formField(engineText: string): string | undefined {
  return FIELD_PATTERNS.find(([re]) => re.test(engineText))?.[1];
}

/** Who can answer a manager-only call: this engine's known managers. */
function managersHint(status: SwarmStatus | undefined): string {
  const managers = status?.remoteManagers.map((m) => m.addr) ?? [];
  if (status?.state === 'active' && !status.isManager) {
    const where = managers.length ? ` (${managers.join(', ')})` : '';
    return `This engine is a worker node. Connect Berth to a manager${where}, or promote this node from a manager.`;
  }
  if (status?.state === 'locked') return 'The swarm on this engine is locked. Unlock it with the unlock key first.';
  return 'This engine is not part of a swarm. Create a swarm (init) or join one first.';
}

/**
 * Maps an engine error on a swarm call to a message that says what to do: not a manager (and who is), already
 * in a swarm, a wrong join token, an unreachable manager, a spec the engine refuses (with its form field),
 * a name or port taken, a concurrent change.
 */
export function mapSwarmError(err: unknown, ctx: SwarmErrorContext = {}): BerthError {
  const mapped = mapDockerError(err, ctx);
  const details = (mapped.details ?? {}) as DockerErrorDetails & Record<string, unknown>;
  const said = details.engineMessage ?? '';
  const plain = plainEngineText(said);
  const make = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) =>
    new BerthError(code, message, { ...details, ...extra });

  if (/not a swarm manager|not part of a swarm/i.test(said)) {
    return make(ErrorCode.FORBIDDEN, `This needs a swarm manager. ${managersHint(ctx.status)}`);
  }
  if (/already part of a swarm/i.test(said)) {
    return make(
      ErrorCode.CONFLICT,
      'This engine is already in a swarm. Leave it first (Leave swarm), then create or join another one.',
    );
  }
  if (/valid join token is necessary|invalid join token|remote CA does not match fingerprint|token.*(invalid|malformed)/i.test(said)) {
    return make(
      ErrorCode.INVALID_ARGUMENT,
      'The manager refused the join token. Copy the current token again on a manager (docker swarm join-token worker or manager); it may have been rotated, or belong to another swarm.',
      { field: 'joinToken' },
    );
  }
  if (ctx.remoteAddrs && /Timeout was reached|connection refused|no route to host|TransientFailure|deadline exceeded|i\/o timeout|Unavailable/i.test(said)) {
    const addrs = ctx.remoteAddrs.join(', ');
    return make(
      ErrorCode.UNAVAILABLE,
      `The manager at ${addrs} cannot be reached from this engine. Check the address and port (2377 by default), that the manager is running, and that no firewall blocks TCP 2377 between the machines.`,
      { field: 'remoteAddrs' },
    );
  }
  if (/attempting to leave the swarm on a node that is participating as a manager/i.test(said)) {
    return make(
      ErrorCode.CONFLICT,
      'This node is a manager. Leaving may break the quorum of the swarm (and removes it entirely if it is the last manager, with all its services). Demote it first, or leave with force.',
    );
  }
  if (/update out of sequence/i.test(said)) {
    return make(
      ErrorCode.CONFLICT,
      `${cap(ctx.object ?? 'the object')} was changed by someone else meanwhile. Reload it, check the change, and apply yours again.`,
    );
  }
  if (/does not have a previous spec/i.test(said)) {
    return make(ErrorCode.CONFLICT, `${cap(ctx.object ?? 'the service')} has no previous version to roll back to.`);
  }
  if (/name conflicts with an existing object|already exists/i.test(said)) {
    return make(ErrorCode.CONFLICT, `The name is already used by ${/service/i.test(ctx.object ?? '') ? 'another service' : 'another object'}. Choose another name.`, { field: 'name' });
  }
  const port = /port '?(\d+)'? is already in use/i.exec(said)?.[1];
  if (port) {
    return make(
      ErrorCode.CONFLICT,
      `Published port ${port} is already used by another service. Publish on another port, or leave it empty to let the swarm pick one.`,
      { field: 'ports', port: Number(port) },
    );
  }
  if (mapped.code === ErrorCode.INVALID_ARGUMENT && said) {
    const field = formField(plain);
    return make(ErrorCode.INVALID_ARGUMENT, `The engine refused the service settings: ${plain}`, field ? { field } : {});
  }
  return mapped;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
