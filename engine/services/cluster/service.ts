import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  ErrorCode,
  type ClusterMechanism,
  type LocalClusterNode,
  type LocalClusterStatus,
  type MethodParams,
  type TaskRef,
} from '../../contract';
import { BerthError, toErrorData } from '../../base/errors';
import type { ServiceContext } from '../context';
import type { TaskContext } from '../tasks/task-manager';
import { dindAvailability, dindMechanism } from './dind-mechanism';
import { loadImageOnNodes } from './load-image';
import type { Mechanism } from './mechanism';
import { netnsAvailability, netnsMechanism } from './netns-mechanism';
import { clusterDir, readState, writeState, type ClusterState } from './state';
import { initSwarm, joinSwarm, nodeIdentity } from './swarm-form';

type CreateParams = MethodParams<'cluster.create'>;

/** The local cluster: create, recognise, start, destroy, load images, and switch Berth to its manager. */
export class ClusterService {
  /** One operation at a time: two creates (or a destroy during a create) would fight over the same names. */
  private busy: string | undefined;

  constructor(private readonly ctx: ServiceContext) {}

  private mechanism(state: Pick<ClusterState, 'mechanism' | 'hostEndpoint'>): Mechanism {
    return state.mechanism === 'netns'
      ? netnsMechanism(this.ctx.dataDir)
      : dindMechanism(this.ctx, this.ctx.dataDir);
  }

  async status(): Promise<LocalClusterStatus> {
    const mechanisms = [await netnsAvailability(), dindAvailability(this.ctx)];
    const state = await readState(this.ctx.dataDir);
    if (!state) return { exists: false, mechanisms, nodes: [], connected: false };
    const mech = this.mechanism(state);
    const nodes = await Promise.all(
      state.nodes.map(async (n): Promise<LocalClusterNode> => {
        const s = await mech.nodeState(state, n).catch(() => ({ running: false as const, pid: undefined }));
        const id = s.running
          ? await nodeIdentity(mech.client(n)).catch(() => ({ hostname: undefined, nodeId: undefined }))
          : {};
        return {
          name: n.name,
          hostname: id.hostname ?? n.hostname,
          role: n.role,
          address: n.address,
          endpoint: n.endpoint,
          state: this.busy && !s.running ? 'starting' : s.running ? 'running' : 'stopped',
          ...(s.pid !== undefined ? { pid: s.pid } : {}),
          ...((id.nodeId ?? n.nodeId) ? { nodeId: id.nodeId ?? n.nodeId } : {}),
        };
      }),
    );
    const managerEndpoint = state.nodes[0]?.endpoint;
    const current = this.ctx.engine.getStatus();
    return {
      exists: true,
      name: state.name,
      mechanism: state.mechanism,
      mechanisms,
      nodes,
      ...(managerEndpoint ? { managerEndpoint } : {}),
      connected: managerEndpoint !== undefined && current.engine?.endpoint === managerEndpoint,
      ...(state.swarmId ? { swarmId: state.swarmId } : {}),
      createdAt: state.createdAt,
    };
  }

  async create(params: CreateParams): Promise<TaskRef> {
    const existing = await readState(this.ctx.dataDir);
    if (existing) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `A local cluster already exists (${existing.nodes.length} nodes, ${existing.mechanism}, created ${new Date(existing.createdAt).toISOString()}); destroy it first.`,
      );
    }
    const kind = await this.chooseMechanism(params.mechanism);
    const state: ClusterState = {
      id: randomBytes(3).toString('hex'),
      name: 'berth-local',
      mechanism: kind,
      createdAt: Date.now(),
      nodes: [],
      ...(kind === 'dind' ? { image: params.dindImage ?? 'docker:dind' } : {}),
    };
    return this.runTask(
      'cluster.create',
      `Create a local ${params.nodes}-node cluster (${kind})`,
      async (task) => {
        const mech = this.mechanism(state);
        try {
          await this.step(task, 'network', 'Cluster network', () => mech.prepare(state));
          await writeState(this.ctx.dataDir, state);
          state.nodes = mech.planNodes(state, params.nodes, params.managers);
          for (const n of state.nodes)
            task.step({ id: n.name, label: `${n.name} (${n.role})`, state: 'waiting' });
          task.step({ id: 'swarm', label: 'Swarm', state: 'waiting' });
          await writeState(this.ctx.dataDir, state);
          for (const node of state.nodes) {
            await this.step(task, node.name, `${node.name} (${node.role})`, () =>
              mech.startNode(state, node),
            );
            await writeState(this.ctx.dataDir, state);
            await this.publish();
          }
          await this.step(task, 'swarm', 'Swarm', () => this.formSwarm(state, mech, task));
          await writeState(this.ctx.dataDir, state);
          return { swarmId: state.swarmId };
        } catch (err) {
          throw await this.undoCreate(state, mech, err);
        }
      },
    );
  }

  start(): Promise<TaskRef> {
    return this.withState(async (state) => {
      const mech = this.mechanism(state);
      return this.runTask(
        'cluster.start',
        `Start the local cluster's ${state.nodes.length} nodes`,
        async (task) => {
          for (const node of state.nodes) {
            await this.step(task, node.name, `${node.name} (${node.role})`, async () => {
              if (!(await mech.nodeState(state, node)).running) await mech.startNode(state, node);
            });
            await writeState(this.ctx.dataDir, state);
            await this.publish();
          }
          return {};
        },
      );
    });
  }

  destroy(): Promise<TaskRef> {
    return this.withState((state) =>
      this.runTask(
        'cluster.destroy',
        `Destroy the local cluster (${state.nodes.length} nodes)`,
        async (task) => {
          if ((await this.status()).connected) {
            await this.step(task, 'engine', 'Switch Berth back to its previous engine', () =>
              this.switchBack(state),
            );
          }
          const left = await this.removeAll(state, this.mechanism(state), task);
          if (left.length) {
            throw new BerthError(
              ErrorCode.INTERNAL,
              `The cluster was removed except: ${left.join('; ')}. Remove these by hand.`,
            );
          }
          return {};
        },
      ),
    );
  }

  async loadImage(image: string): Promise<TaskRef> {
    const source = this.ctx.engine.docker();
    await source
      .getImage(image)
      .inspect()
      .catch((err: unknown) => {
        throw new BerthError(
          ErrorCode.NOT_FOUND,
          `Image ${image} is not on the current engine; pull or build it first.`,
          toErrorData(err),
        );
      });
    return this.withState((state) => {
      const mech = this.mechanism(state);
      return this.runTask(
        'cluster.loadImage',
        `Load ${image} on the cluster's ${state.nodes.length} nodes`,
        (task) => loadImageOnNodes(source, image, state.nodes, (n) => mech.client(n), task),
      );
    });
  }

  async connect(to: 'manager' | 'previous'): Promise<LocalClusterStatus> {
    const state = await this.requireState();
    if (to === 'previous') {
      await this.switchBack(state);
      return this.status();
    }
    const manager = state.nodes[0];
    if (!manager) throw new BerthError(ErrorCode.CONFLICT, 'The cluster has no nodes.');
    if (state.mechanism === 'dind') {
      throw new BerthError(
        ErrorCode.UNAVAILABLE,
        `Berth cannot switch to a docker-in-docker node yet (TLS endpoint ${manager.endpoint}); use its certificates in ${manager.certDir ?? 'the node folder'} with the Docker CLI.`,
      );
    }
    if (!(await this.mechanism(state).nodeState(state, manager)).running) {
      throw new BerthError(
        ErrorCode.ENGINE_UNREACHABLE,
        `${manager.name} is not running; start the cluster first.`,
      );
    }
    if (this.ctx.engine.preferredEngine !== manager.endpoint) {
      state.previousEngine = this.ctx.engine.preferredEngine;
      await writeState(this.ctx.dataDir, state);
    }
    this.ctx.store.settings.update({ engine: { preferred: manager.endpoint } });
    await this.ctx.engine.setPreferred(manager.endpoint);
    return this.publish();
  }

  private async switchBack(state: ClusterState): Promise<void> {
    const previous = state.previousEngine ?? 'auto';
    delete state.previousEngine;
    if (await readState(this.ctx.dataDir)) await writeState(this.ctx.dataDir, state);
    this.ctx.store.settings.update({ engine: { preferred: previous } });
    await this.ctx.engine.setPreferred(previous);
  }

  private async chooseMechanism(wanted: CreateParams['mechanism']): Promise<ClusterMechanism> {
    const { mechanisms } = await this.status();
    const usable = mechanisms.filter((m) => m.usable);
    if (wanted === 'auto') {
      const pick = usable[0];
      if (pick) return pick.mechanism;
      throw new BerthError(
        ErrorCode.UNAVAILABLE,
        `No cluster mechanism works here: ${mechanisms.map((m) => `${m.mechanism}: ${m.reason ?? '?'}`).join(' ')}`,
      );
    }
    const info = mechanisms.find((m) => m.mechanism === wanted);
    if (!info?.usable)
      throw new BerthError(
        ErrorCode.UNAVAILABLE,
        `The ${wanted} mechanism cannot be used here: ${info?.reason ?? 'unknown'}`,
      );
    return wanted;
  }

  private async formSwarm(state: ClusterState, mech: Mechanism, task: TaskContext): Promise<void> {
    const [first, ...rest] = state.nodes;
    if (!first) return;
    const tokens = await initSwarm(mech.client(first), first);
    state.swarmId = tokens.swarmId;
    for (const node of rest) {
      task.progress({ message: `${node.name} joins the swarm as ${node.role}` });
      await joinSwarm(
        mech.client(node),
        node,
        first.address,
        node.role === 'manager' ? tokens.manager : tokens.worker,
      ).catch((err: unknown) => {
        throw new Error(
          `${node.name} could not join the swarm: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
    }
    for (const node of state.nodes) {
      const id = await nodeIdentity(mech.client(node));
      if (id.nodeId) node.nodeId = id.nodeId;
    }
  }

  /** A failed create removes what it made; the error says so, or names exactly what remains. */
  private async undoCreate(state: ClusterState, mech: Mechanism, err: unknown): Promise<BerthError> {
    const cause =
      err instanceof BerthError
        ? err
        : new BerthError(ErrorCode.INTERNAL, err instanceof Error ? err.message : String(err));
    const left = await this.removeAll(state, mech).catch((e: unknown) => [`(cleanup failed: ${String(e)})`]);
    const after = left.length
      ? ` Could not remove: ${left.join('; ')}.`
      : ' Everything it had made was removed.';
    return new BerthError(cause.code, `${cause.message}${after}`, cause.details);
  }

  private async removeAll(state: ClusterState, mech: Mechanism, task?: TaskContext): Promise<string[]> {
    // In parallel: each dockerd takes seconds to stop its containers, and nothing of one node waits for another.
    await Promise.allSettled(
      state.nodes.map((node) => {
        const remove = () => mech.removeNode(state, node);
        return task ? this.step(task, node.name, `Remove ${node.name}`, remove) : remove();
      }),
    );
    await mech.removeShared(state);
    const left = await mech.leftovers(state);
    if (!left.length) await rm(clusterDir(this.ctx.dataDir), { recursive: true, force: true, maxRetries: 3 });
    await this.publish();
    return left;
  }

  private async step(task: TaskContext, id: string, label: string, body: () => Promise<void>): Promise<void> {
    task.step({ id, label, state: 'running' });
    task.progress({ message: label });
    task.log(`${label}…`);
    try {
      await body();
      task.step({ id, label, state: 'done' });
      task.log(`${label}: done`);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      task.step({ id, label, state: 'failed', detail });
      task.log(`${label}: failed: ${detail}`);
      throw err instanceof BerthError
        ? new BerthError(err.code, `${label}: ${err.message}`, err.details)
        : new Error(`${label}: ${detail}`);
    }
  }

  private async requireState(): Promise<ClusterState> {
    const state = await readState(this.ctx.dataDir);
    if (!state) throw new BerthError(ErrorCode.NOT_FOUND, 'There is no local cluster; create one first.');
    return state;
  }

  private async withState(body: (state: ClusterState) => Promise<TaskRef>): Promise<TaskRef> {
    return body(await this.requireState());
  }

  private runTask(
    kind: string,
    title: string,
    run: (task: TaskContext) => Promise<unknown>,
  ): Promise<TaskRef> {
    if (this.busy)
      return Promise.reject(
        new BerthError(ErrorCode.CONFLICT, `The local cluster is busy: ${this.busy}. Wait for it to finish.`),
      );
    this.busy = title;
    const taskId = this.ctx.tasks.start({
      kind,
      title,
      cancellable: false,
      keepLog: true,
      run: async (task) => {
        try {
          return await run(task);
        } finally {
          this.busy = undefined;
          await this.publish().catch(() => undefined);
        }
      },
    });
    return Promise.resolve({ taskId });
  }

  /** What the status panel shows, cheaply: whether a cluster exists, which nodes run, whether Berth is on it. */
  async signature(): Promise<string> {
    const state = await readState(this.ctx.dataDir);
    if (!state) return '';
    const mech = this.mechanism(state);
    const running = await Promise.all(
      state.nodes.map((n) =>
        mech.nodeState(state, n).then(
          (s) => (s.running ? 1 : 0),
          () => 0,
        ),
      ),
    );
    const connected = this.ctx.engine.getStatus().engine?.endpoint === state.nodes[0]?.endpoint;
    return `${state.id}:${running.join('')}:${connected ? 1 : 0}:${this.busy ?? ''}`;
  }

  async publish(): Promise<LocalClusterStatus> {
    const status = await this.status();
    this.ctx.bus.emit('cluster.status', status);
    return status;
  }
}
