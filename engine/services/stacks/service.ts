import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { ErrorCode, type MethodParams, type StackDetails, type StackPreview, type StackSummary, type TaskRef } from '../../contract';
import type { Caller } from '../../base/audit';
import { BerthError } from '../../base/errors';
import type { ServiceContext } from '../context';
import { LiveCollection } from '../common/live-collection';
import { engineRequest } from '../common/swarm-api';
import { applyStack, checkExternals, planItems } from './apply';
import type { StackPlan } from './convert';
import { detailsOf, readStackObjects, summarize } from './read';
import { removeStack } from './remove';
import { loadStack } from './source';

const SWARM_TYPES = new Set(['service', 'network', 'secret', 'config']);

/** Every stack name an object name could belong to (`a_b_c` → a, a_b): stack names may hold "_". */
const candidates = (name: string | undefined): string[] => {
  if (!name) return [];
  const out: string[] = [];
  for (let i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) out.push(name.slice(0, i));
  return out;
};

/** stacks.*: the live `stacks.changed` list (key: stack name) derived from service/network/secret/config events. */
export class StacksService {
  readonly live: LiveCollection<'stacks.changed'>;

  constructor(private readonly ctx: ServiceContext) {
    this.live = new LiveCollection(ctx, {
      event: 'stacks.changed',
      what: 'swarm stacks',
      // Containers joining or leaving networks (connect/disconnect) change no stack: only objects coming and going do.
      keysFor: (e, current) =>
        SWARM_TYPES.has(e.type) && !(e.type === 'network' && (e.action === 'connect' || e.action === 'disconnect'))
          ? [...new Set([...current.keys(), ...candidates(e.attributes.name)])]
          : [],
      keyOf: (s) => s.name,
      list: async (docker) => summarize(await readStackObjects(docker)),
      fetch: async (docker, keys) => {
        const wanted = new Set(keys);
        return summarize(await readStackObjects(docker)).filter((s) => wanted.has(s.name));
      },
    });
    // Task counts change without a service event: follow the swarm domain's services feed, which carries them.
    if (ctx.live.follow) {
      this.offServices = ctx.bus.on('services.changed', (p) => {
        const known = [...this.live.current.keys()];
        const named = (p.kind === 'reset' ? p.items : p.upserts).flatMap((s) => (s.stack ? [s.stack] : []));
        const touched = p.kind === 'reset' || p.removed.length ? [...known, ...named] : named;
        if (touched.length) this.live.refresh([...new Set(touched)]);
      });
    }
  }

  private readonly offServices: (() => void) | undefined;

  list(): Promise<StackSummary[]> {
    return this.live.list();
  }

  async inspect(name: string, caller: Caller): Promise<StackDetails> {
    const details = detailsOf(name, await readStackObjects(this.docker(), name));
    if (!details) throw new BerthError(ErrorCode.NOT_FOUND, `There is no stack named ${name} on this swarm.`);
    const services = await this.ctx.call('services.list', {}, caller);
    const compose = await readFile(this.fileOf(name), 'utf8').catch(() => undefined);
    return { ...details, serviceItems: services.filter((s) => s.stack === name), ...(compose !== undefined ? { compose } : {}) };
  }

  async preview({ name, source }: MethodParams<'stacks.preview'>, caller: Caller): Promise<StackPreview> {
    const { plan } = await loadStack(name, source);
    requirePower(plan, caller);
    const now = await readStackObjects(this.docker(), name);
    return { name, items: planItems(plan, now, false), warnings: plan.warnings };
  }

  async deploy({ name, source, prune }: MethodParams<'stacks.deploy'>, caller: Caller): Promise<TaskRef & { name: string }> {
    const { plan, text } = await loadStack(name, source);
    requirePower(plan, caller);
    const docker = this.docker();
    await requireManager(docker);
    await checkExternals(docker, plan);
    await warnOldApi(docker, plan);
    const taskId = this.ctx.tasks.start({
      kind: 'stacks.deploy',
      title: `Deploy stack ${name}`,
      keepLog: true,
      run: async (t) => {
        const result = await applyStack(docker, plan, prune, t);
        if (text !== undefined) await this.keepFile(name, text);
        this.live.refresh([name]);
        return result;
      },
    });
    return { taskId, name };
  }

  async remove(name: string): Promise<TaskRef> {
    const docker = this.docker();
    await requireManager(docker);
    const now = await readStackObjects(docker, name);
    if (!summarize(now).some((s) => s.name === name)) throw new BerthError(ErrorCode.NOT_FOUND, `There is no stack named ${name} on this swarm.`);
    const taskId = this.ctx.tasks.start({
      kind: 'stacks.remove',
      title: `Remove stack ${name}`,
      keepLog: true,
      run: async (t) => {
        await removeStack(docker, now, t);
        await rm(this.fileOf(name), { force: true });
        this.live.refresh([name]);
      },
    });
    return { taskId };
  }

  dispose(): void {
    this.offServices?.();
    this.live.dispose();
  }

  /** The file Berth last deployed the stack with (ADR 16): the editor opens with it on redeploy. */
  private fileOf(name: string): string {
    return path.join(this.ctx.dataDir, 'stacks', `${name}.yaml`);
  }

  private async keepFile(name: string, text: string): Promise<void> {
    const file = this.fileOf(name);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(`${file}.tmp`, text, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }

  private docker(): Dockerode {
    return this.ctx.engine.docker();
  }
}

async function requireManager(docker: Dockerode): Promise<void> {
  const info = await engineRequest<{ Swarm?: { ControlAvailable?: boolean; LocalNodeState?: string } }>(docker, { method: 'GET', path: '/info' });
  if (info.Swarm?.ControlAvailable === true) return;
  const state = info.Swarm?.LocalNodeState ?? 'inactive';
  throw new BerthError(
    ErrorCode.UNAVAILABLE,
    state === 'active'
      ? 'This engine is a swarm worker; stacks are deployed through a manager. Connect Berth to a manager node.'
      : 'This engine is not part of a swarm. Initialise a swarm (Swarm page) or connect to a swarm manager, then deploy the stack.',
  );
}

/** cap_add/cap_drop reach Swarm tasks from Engine API 1.41 (Docker 20.10); an older engine drops them silently. */
async function warnOldApi(docker: Dockerode, plan: StackPlan): Promise<void> {
  const caps = plan.services.filter(({ spec }) => spec.TaskTemplate?.ContainerSpec?.CapabilityAdd !== undefined || spec.TaskTemplate?.ContainerSpec?.CapabilityDrop !== undefined);
  if (!caps.length) return;
  const version = await docker.version().then((v) => v.ApiVersion, () => undefined);
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  if (version && (major < 1 || (major === 1 && minor < 41))) {
    plan.warnings.push(`cap_add/cap_drop (services ${caps.map((c) => c.key).join(', ')}) need Engine API 1.41; this engine speaks ${version} and ignores them`);
  }
}

/** Bind mounts and added capabilities give a stack's tasks power over the host: admin only (ADR 9). */
function requirePower(plan: StackPlan, caller: Caller): void {
  if (caller.role === 'admin') return;
  const powerful = plan.services.filter(({ spec }) => {
    const cs = spec.TaskTemplate?.ContainerSpec;
    return (cs?.Mounts ?? []).some((m) => m.Type === 'bind') || ((cs?.CapabilityAdd as string[] | undefined)?.length ?? 0) > 0;
  });
  if (powerful.length) {
    throw new BerthError(ErrorCode.FORBIDDEN, `Only an admin may deploy services with bind mounts or added capabilities (${powerful.map((s) => s.key).join(', ')}).`);
  }
}
