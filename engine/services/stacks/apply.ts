import type Dockerode from 'dockerode';
import { ErrorCode, type StackPlanItem } from '../../contract';
import { BerthError } from '../../base/errors';
import type { TaskContext } from '../tasks/task-manager';
import { engineRequest } from '../common/swarm-api';
import type { EngineFileRef, EngineServiceSpec } from '../common/swarm-engine-types';
import { filters, managerList, swarmCall } from '../common/swarm-list';
import type { StackFileObject, StackPlan } from './convert';
import { checkHostPower, serviceHostPowerOf } from '../common/host-power';
import { readStackObjects, type EngineObject, type StackObjects } from './read';

const describe = (spec: EngineServiceSpec): string => {
  const m = spec.Mode;
  const mode = m?.Global ? 'global' : m?.Replicated ? `${m.Replicated.Replicas ?? 1} replica${(m.Replicated.Replicas ?? 1) === 1 ? '' : 's'}` : 'job';
  return `${spec.TaskTemplate?.ContainerSpec?.Image ?? ''}, ${mode}`;
};

/** What deploying `plan` over what exists would do, object by object (the preview and the task's steps). */
export function planItems(plan: StackPlan, now: StackObjects, prune: boolean): StackPlanItem[] {
  const has = (list: { name: string }[], name: string) => list.some((x) => x.name === name);
  const nets = now.networks.map((n) => ({ name: n.Name }));
  const names = (l: EngineObject[]) => l.map((x) => ({ name: x.Spec.Name }));
  const svcNames = now.services.map((s) => ({ name: s.Spec.Name }));
  const items: StackPlanItem[] = [
    ...plan.networks.map((n): StackPlanItem => ({ kind: 'network', name: n.name, action: n.external ? 'external' : has(nets, n.name) ? 'keep' : 'create', ...(n.create ? { detail: String(n.create.Driver) } : {}) })),
    ...plan.secrets.map((s): StackPlanItem => ({ kind: 'secret', name: s.name, action: s.external ? 'external' : has(names(now.secrets), s.name) ? 'update' : 'create' })),
    ...plan.configs.map((c): StackPlanItem => ({ kind: 'config', name: c.name, action: c.external ? 'external' : has(names(now.configs), c.name) ? 'update' : 'create' })),
    ...plan.services.map(({ spec }): StackPlanItem => ({ kind: 'service', name: spec.Name, action: has(svcNames, spec.Name) ? 'update' : 'create', detail: describe(spec) })),
  ];
  const wanted = new Set(plan.services.map((s) => s.spec.Name));
  for (const s of now.services) if (!wanted.has(s.Spec.Name)) items.push({ kind: 'service', name: s.Spec.Name, action: prune ? 'remove' : 'keep', detail: prune ? 'no longer in the file' : 'no longer in the file (kept; deploy with prune to remove it)' });
  return items;
}

/** External networks, secrets and configs must exist before anything is created (as the CLI checks). */
export async function checkExternals(docker: Dockerode, plan: StackPlan): Promise<void> {
  const missing: string[] = [];
  for (const n of plan.networks.filter((x) => x.external)) {
    await engineRequest(docker, { method: 'GET', path: `/networks/${encodeURIComponent(n.name)}` }).catch(() => missing.push(`network "${n.name}" (networks.${n.key})`));
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const ext = plan[kind].filter((x) => x.external);
    if (!ext.length) continue;
    const rows = await managerList<EngineObject>(docker, { method: 'GET', path: `/${kind}`, query: { filters: filters({ name: ext.map((x) => x.name) }) } }, kind);
    for (const x of ext) if (!rows.some((r) => r.Spec.Name === x.name)) missing.push(`${kind.slice(0, -1)} "${x.name}" (${kind}.${x.key})`);
  }
  if (missing.length) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `External objects the stack uses do not exist: ${missing.join(', ')}. Create them first, or drop external: true.`, { field: 'source' });
}

const call = <T>(docker: Dockerode, r: Parameters<typeof engineRequest>[1], action: string, object: string) => swarmCall<T>(docker, r, { action, object });

async function applyFileObject(docker: Dockerode, kind: 'secrets' | 'configs', o: StackFileObject, now: EngineObject[]): Promise<string> {
  const one = kind.slice(0, -1);
  const spec = { Name: o.name, Labels: o.labels, Data: o.data?.toString('base64') };
  const found = now.find((x) => x.Spec.Name === o.name);
  if (!found) return (await call<{ ID: string }>(docker, { method: 'POST', path: `/${kind}/create`, body: spec }, 'create', `${one} ${o.name}`)).ID;
  try {
    await engineRequest(docker, { method: 'POST', path: `/${kind}/${found.ID}/update`, query: { version: found.Version?.Index ?? 0 }, body: spec });
  } catch {
    // Swarm keeps a secret's or config's data forever: only its labels may change.
    throw new BerthError(ErrorCode.CONFLICT, `The ${one} ${o.name} already exists with other content, and Swarm ${kind} cannot change. Give the new content a new name (name: ${o.name}_v2 in ${kind}.${o.key}) or remove the stack first.`, { field: 'source' });
  }
  return found.ID;
}

/** Fills in the secret and config IDs the engine wants beside their names. */
function withRefIds(spec: EngineServiceSpec, ids: Map<string, string>): EngineServiceSpec {
  const cs = spec.TaskTemplate?.ContainerSpec;
  if (!cs) return spec;
  const fill = (refs: EngineFileRef[] | undefined, key: 'SecretID' | 'ConfigID', name: 'SecretName' | 'ConfigName') =>
    refs?.map((r) => ({ ...r, [key]: ids.get(`${key}:${r[name] ?? ''}`) ?? '' }));
  return { ...spec, TaskTemplate: { ...spec.TaskTemplate, ContainerSpec: { ...cs, ...(cs.Secrets ? { Secrets: fill(cs.Secrets, 'SecretID', 'SecretName') } : {}), ...(cs.Configs ? { Configs: fill(cs.Configs, 'ConfigID', 'ConfigName') } : {}) } } };
}

/** The deploy task: networks, secrets, configs, services (created or updated in place), then the prune. */
export async function applyStack(docker: Dockerode, plan: StackPlan, prune: boolean, t: TaskContext): Promise<{ created: string[]; updated: string[]; removed: string[] }> {
  for (const w of plan.warnings) t.log(`WARN ${w}`);
  // Before anything is created: a role below admin may not deploy services with power over the host (ADR 18).
  for (const { spec } of plan.services) checkHostPower(`service ${spec.Name}`, serviceHostPowerOf(spec));
  const now = await readStackObjects(docker, plan.stack);
  const steps = planItems(plan, now, prune);
  for (const s of steps) t.step({ id: `${s.kind}:${s.name}`, label: `${s.kind} ${s.name}`, state: 'waiting', detail: s.action });
  const done = (kind: string, name: string, detail: string) => t.step({ id: `${kind}:${name}`, label: `${kind} ${name}`, state: 'done', detail });
  const ids = new Map<string, string>();
  for (const n of plan.networks) {
    if (!n.external && !now.networks.some((x) => x.Name === n.name)) {
      t.log(`Creating network ${n.name}`);
      await call(docker, { method: 'POST', path: '/networks/create', body: n.create }, 'create', `network ${n.name}`);
    }
    done('network', n.name, n.external ? 'external' : 'ready');
  }
  const all = await Promise.all((['secrets', 'configs'] as const).map((k) => managerList<EngineObject>(docker, { method: 'GET', path: `/${k}` }, k)));
  for (const [i, kind] of (['secrets', 'configs'] as const).entries()) {
    const key = kind === 'secrets' ? 'SecretID' : 'ConfigID';
    for (const o of plan[kind]) {
      t.log(`${o.external ? 'Using' : 'Creating or updating'} ${kind.slice(0, -1)} ${o.name}`);
      const id = o.external ? (all[i]?.find((x) => x.Spec.Name === o.name)?.ID ?? '') : await applyFileObject(docker, kind, o, all[i] ?? []);
      ids.set(`${key}:${o.name}`, id);
      done(kind.slice(0, -1), o.name, o.external ? 'external' : 'ready');
    }
  }
  const result = { created: [] as string[], updated: [] as string[], removed: [] as string[] };
  for (const [i, { spec: planned }] of plan.services.entries()) {
    if (t.signal.aborted) throw new BerthError(ErrorCode.CANCELLED, 'The deploy was cancelled; the services before this one were deployed.');
    t.progress({ progress: { current: i, total: plan.services.length, unit: 'items' }, message: planned.Name });
    const spec = withRefIds(planned, ids);
    const current = now.services.find((s) => s.Spec.Name === spec.Name);
    if (current) {
      t.log(`Updating service ${spec.Name} (id: ${current.ID})`);
      // Stack deploy has no --force: keep ForceUpdate so unchanged tasks are not redeployed (as the CLI does).
      const keep = { ...spec, TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: current.Spec.TaskTemplate?.ForceUpdate ?? 0 } };
      await call(docker, { method: 'POST', path: `/services/${current.ID}/update`, query: { version: current.Version?.Index ?? 0 }, body: keep }, 'update', `service ${spec.Name}`);
      result.updated.push(spec.Name);
    } else {
      t.log(`Creating service ${spec.Name}`);
      await call(docker, { method: 'POST', path: '/services/create', body: spec }, 'create', `service ${spec.Name}`);
      result.created.push(spec.Name);
    }
    done('service', spec.Name, current ? 'updated' : 'created');
  }
  if (prune) {
    const wanted = new Set(plan.services.map((s) => s.spec.Name));
    for (const s of now.services.filter((x) => !wanted.has(x.Spec.Name))) {
      t.log(`Removing service ${s.Spec.Name}`);
      await call(docker, { method: 'DELETE', path: `/services/${s.ID}` }, 'remove', `service ${s.Spec.Name}`);
      result.removed.push(s.Spec.Name);
      done('service', s.Spec.Name, 'removed');
    }
  }
  t.progress({ progress: { fraction: 1 } });
  return result;
}
