import type Dockerode from 'dockerode';
import {
  ErrorCode,
  type MethodInput,
  type SwarmAddressCandidate,
  type SwarmDetails,
  type SwarmJoinTokens,
  type SwarmSettings,
  type SwarmStatus,
  type TaskRef,
} from '../../contract';
import { BerthError } from '../../base/errors';
import type { ServiceContext } from '../context';
import { addressCandidates } from './addresses';
import { engineRequest } from './api';
import type { EngineSwarm } from './engine-types';
import { mapSwarmError } from './errors';
import type { SwarmStatusTracker } from './membership-status';

const NS = 1e9;
type Settings = Partial<SwarmSettings>;

/** SwarmSettings → the parts of the engine's swarm Spec they live in, merged into `spec`. */
export function applySettings(spec: NonNullable<EngineSwarm['Spec']>, s: Settings): NonNullable<EngineSwarm['Spec']> {
  const out = structuredClone(spec);
  if (s.taskHistoryLimit !== undefined) out.Orchestration = { ...out.Orchestration, TaskHistoryRetentionLimit: s.taskHistoryLimit };
  if (s.certExpiryHours !== undefined) out.CAConfig = { ...out.CAConfig, NodeCertExpiry: s.certExpiryHours * 3600 * NS };
  if (s.heartbeatSeconds !== undefined) out.Dispatcher = { ...out.Dispatcher, HeartbeatPeriod: s.heartbeatSeconds * NS };
  if (s.autolock !== undefined) out.EncryptionConfig = { ...out.EncryptionConfig, AutoLockManagers: s.autolock };
  return out;
}

export function settingsOf(spec: EngineSwarm['Spec']): SwarmSettings {
  return {
    taskHistoryLimit: spec?.Orchestration?.TaskHistoryRetentionLimit ?? 5,
    certExpiryHours: Math.round((spec?.CAConfig?.NodeCertExpiry ?? 90 * 24 * 3600 * NS) / 3600 / NS),
    heartbeatSeconds: Math.round((spec?.Dispatcher?.HeartbeatPeriod ?? 5 * NS) / NS),
    autolock: spec?.EncryptionConfig?.AutoLockManagers === true,
  };
}

/** swarm.*: membership (init, join, leave, unlock), join tokens, keys and settings. */
export class SwarmMembership {
  constructor(
    private readonly ctx: Pick<ServiceContext, 'engine' | 'tasks'>,
    private readonly status: SwarmStatusTracker,
  ) {}

  private docker(): Dockerode {
    return this.ctx.engine.docker();
  }

  getStatus(): Promise<SwarmStatus> {
    return this.status.refresh();
  }

  /** Fails with a clear message unless this engine is a manager (GET /swarm and friends need one). */
  async requireManager(): Promise<SwarmStatus> {
    const s = await this.status.refresh();
    if (s.isManager) return s;
    throw mapSwarmError({ statusCode: 503, json: { message: 'This node is not a swarm manager.' } }, { status: s });
  }

  async inspect(): Promise<SwarmDetails> {
    const status = await this.requireManager();
    const sw = await this.call<EngineSwarm>({ method: 'GET', path: '/swarm' }, 'inspect');
    return {
      ...status,
      ...(time(sw.CreatedAt) ? { createdAt: time(sw.CreatedAt) } : {}),
      ...(time(sw.UpdatedAt) ? { updatedAt: time(sw.UpdatedAt) } : {}),
      settings: settingsOf(sw.Spec),
      version: sw.Version?.Index ?? 0,
      rootRotationInProgress: sw.RootRotationInProgress === true,
      defaultAddrPool: sw.DefaultAddrPool ?? [],
      ...(sw.DataPathPort ? { dataPathPort: sw.DataPathPort } : {}),
    };
  }

  async addresses(): Promise<SwarmAddressCandidate[]> {
    const status = await this.status.refresh();
    return addressCandidates(this.ctx.engine.getStatus().engine?.endpoint, status.nodeAddr);
  }

  async init(p: MethodInput<'swarm.init'>): Promise<SwarmStatus> {
    await this.call({
      method: 'POST',
      path: '/swarm/init',
      body: {
        ListenAddr: p.listenAddr,
        ...(p.advertiseAddr ? { AdvertiseAddr: p.advertiseAddr } : {}),
        ...(p.dataPathAddr ? { DataPathAddr: p.dataPathAddr } : {}),
        ForceNewCluster: p.forceNewCluster,
        ...(p.defaultAddrPool?.length ? { DefaultAddrPool: p.defaultAddrPool } : {}),
        Spec: applySettings({}, p.settings ?? {}),
      },
    }, 'create a swarm on');
    return this.status.refresh();
  }

  /**
   * A task: the engine answers a join only once the manager accepted this node or gave up (about 15 s on a refused
   * token or an unreachable manager), and it cannot be interrupted, so the task shows the wait and is not
   * cancellable. An engine already in a swarm is refused at once, before any task.
   */
  async join(p: MethodInput<'swarm.join'>): Promise<TaskRef> {
    const before = await this.status.refresh();
    if (before.state === 'active' || before.state === 'locked' || before.state === 'pending') {
      throw mapSwarmError({ statusCode: 503, json: { message: 'This node is already part of a swarm.' } }, { status: before });
    }
    const body = {
      ListenAddr: p.listenAddr,
      ...(p.advertiseAddr ? { AdvertiseAddr: p.advertiseAddr } : {}),
      ...(p.dataPathAddr ? { DataPathAddr: p.dataPathAddr } : {}),
      RemoteAddrs: p.remoteAddrs,
      JoinToken: p.joinToken,
    };
    const managers = p.remoteAddrs.join(', ');
    const docker = this.docker();
    const taskId = this.ctx.tasks.start({
      kind: 'swarm.join',
      title: `Join the swarm at ${managers}`,
      cancellable: false,
      keepLog: true,
      run: async (t) => {
        const step = { id: 'join', label: `Ask the manager at ${managers} to accept this engine` };
        const started = Date.now();
        const waiting = () => t.progress({ message: `Waiting for the manager at ${managers} (${Math.round((Date.now() - started) / 1000)} s; a refused token or an unreachable manager takes about 15 s to be reported)` });
        t.step({ ...step, state: 'running' });
        t.log(`Joining the swarm at ${managers}`);
        waiting();
        const tick = setInterval(waiting, 1000);
        try {
          await engineRequest(docker, { method: 'POST', path: '/swarm/join', body });
        } catch (err) {
          const e = mapSwarmError(err, { action: 'join', object: 'the swarm', remoteAddrs: p.remoteAddrs });
          t.step({ ...step, state: 'failed', detail: e.message });
          t.log(`Failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${e.message}`);
          throw e;
        } finally {
          clearInterval(tick);
          await this.status.refresh().catch(() => undefined);
        }
        const after = await this.status.refresh();
        const role = after.isManager ? 'a manager' : 'a worker';
        t.step({ ...step, state: 'done', detail: `joined as ${role}${after.nodeId ? ` (node ${after.nodeId.slice(0, 12)})` : ''}` });
        t.log(`Joined as ${role} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return after;
      },
    });
    return { taskId };
  }

  async leave(force: boolean): Promise<SwarmStatus> {
    const s = await this.status.refresh();
    if (s.state === 'inactive') throw new BerthError(ErrorCode.CONFLICT, 'This engine is not in a swarm; there is nothing to leave.');
    if (s.isManager && !force) throw new BerthError(ErrorCode.CONFLICT, quorumWarning(s), { field: 'force', managers: s.managers });
    await this.call({ method: 'POST', path: '/swarm/leave', query: { force } }, 'leave', 'the swarm');
    return this.status.refresh();
  }

  async joinTokens(): Promise<SwarmJoinTokens> {
    const status = await this.requireManager();
    const sw = await this.call<EngineSwarm>({ method: 'GET', path: '/swarm' }, 'read the join tokens of');
    // RemoteManagers lists every manager (this one too) with its listen address.
    const managerAddrs = [...new Set(status.remoteManagers.map((m) => m.addr))];
    if (managerAddrs.length === 0 && status.nodeAddr) managerAddrs.push(`${status.nodeAddr}:2377`);
    return {
      worker: sw.JoinTokens?.Worker ?? '',
      manager: sw.JoinTokens?.Manager ?? '',
      managerAddrs,
    };
  }

  async rotateToken(which: 'worker' | 'manager'): Promise<SwarmJoinTokens> {
    await this.updateSpec({ [which === 'worker' ? 'rotateWorkerToken' : 'rotateManagerToken']: true }, {});
    return this.joinTokens();
  }

  async unlockKey(rotate: boolean): Promise<{ key: string }> {
    await this.requireManager();
    if (rotate) await this.updateSpec({ rotateManagerUnlockKey: true }, {});
    const r = await this.call<{ UnlockKey?: string }>({ method: 'GET', path: '/swarm/unlockkey' }, 'read the unlock key of');
    return { key: r.UnlockKey ?? '' };
  }

  async unlock(key: string): Promise<SwarmStatus> {
    const s = await this.status.refresh();
    if (s.state !== 'locked') throw new BerthError(ErrorCode.CONFLICT, 'The swarm on this engine is not locked.');
    try {
      await engineRequest(this.docker(), { method: 'POST', path: '/swarm/unlock', body: { UnlockKey: key } });
    } catch (err) {
      const mapped = mapSwarmError(err, { action: 'unlock', object: 'the swarm' });
      if (/invalid key|did not successfully decrypt/i.test(JSON.stringify(mapped.details ?? ''))) {
        throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'The unlock key is wrong. Use the key shown when autolock was turned on (or last rotated).', { ...(mapped.details as object), field: 'key' });
      }
      throw mapped;
    }
    return this.status.refresh();
  }

  async update(settings: Settings): Promise<SwarmDetails> {
    await this.updateSpec({}, settings);
    return this.inspect();
  }

  /** POST /swarm/update with the version read just before: a concurrent change fails instead of being overwritten. */
  private async updateSpec(query: Record<string, boolean>, settings: Settings): Promise<void> {
    await this.requireManager();
    const sw = await this.call<EngineSwarm>({ method: 'GET', path: '/swarm' }, 'inspect');
    await this.call(
      { method: 'POST', path: '/swarm/update', query: { version: sw.Version?.Index ?? 0, ...query }, body: applySettings(sw.Spec ?? {}, settings) },
      'update',
    );
  }

  private async call<T>(r: Parameters<typeof engineRequest>[1], action: string, object = 'the swarm'): Promise<T> {
    try {
      return await engineRequest<T>(this.docker(), r);
    } catch (err) {
      throw mapSwarmError(err, { action, object, status: this.status.current });
    }
  }
}

/** What leaving costs a manager: the quorum of the others, or the whole swarm when it is the last one. */
export function quorumWarning(s: SwarmStatus): string {
  const managers = s.managers ?? 1;
  if (managers <= 1) {
    return 'This node is the last manager: leaving erases the swarm, with all its services, secrets and configs. Leave with force only if that is what you want.';
  }
  const left = managers - 1;
  const quorum = Math.floor(managers / 2) + 1;
  const lose = left < quorum ? ` The ${left} left cannot form a quorum (${quorum} of ${managers} needed), so the swarm stops accepting changes.` : '';
  return `This node is one of ${managers} managers. Leaving without demoting it first counts as a manager lost.${lose} Demote it on another manager first, or leave with force.`;
}

const time = (s: string | undefined) => (s ? Date.parse(s) || undefined : undefined);
