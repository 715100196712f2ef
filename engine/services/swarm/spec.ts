import type { SwarmServiceSpec } from '../../contract/methods/swarm-service-spec';
import type { EngineContainerSpec, EngineFileRef, EngineResources, EngineServiceSpec, EngineUpdateConfig } from './engine-types';

// The service form (SwarmServiceSpec) ↔ the Engine API's ServiceSpec. Durations: seconds in the form,
// nanoseconds in the engine. Keys the form knows are always written (undefined deletes them on update);
// keys it does not know are kept from the current spec by mergeServiceSpec.

const NS = 1e9;
const ns = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * NS));
const sec = (n: number | undefined) => (n === undefined ? undefined : n / NS);
const nonEmpty = <T>(a: T[]): T[] | undefined => (a.length ? a : undefined);
const nonEmptyRecord = (r: Record<string, string>) => (Object.keys(r).length ? r : undefined);
/** Drops undefined values so the result equals what comes back from the engine. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Secret and config names → IDs (the engine wants both). */
export interface RefIds {
  secrets: ReadonlyMap<string, string>;
  configs: ReadonlyMap<string, string>;
}

type Update = NonNullable<SwarmServiceSpec['updateConfig']>;
const toUpdate = (u: Update | undefined): EngineUpdateConfig | undefined =>
  u &&
  clean({
    Parallelism: u.parallelism,
    Delay: ns(u.delaySeconds),
    FailureAction: u.failureAction,
    Monitor: ns(u.monitorSeconds),
    MaxFailureRatio: u.maxFailureRatio,
    Order: u.order,
  });
const fromUpdate = (u: EngineUpdateConfig | undefined): Update | undefined =>
  u &&
  clean({
    parallelism: u.Parallelism ?? 1,
    delaySeconds: sec(u.Delay) ?? 0,
    failureAction: (u.FailureAction ?? 'pause') as Update['failureAction'],
    monitorSeconds: sec(u.Monitor),
    maxFailureRatio: u.MaxFailureRatio,
    order: (u.Order ?? 'stop-first') as Update['order'],
  });

type Res = NonNullable<SwarmServiceSpec['limits']>;
const toRes = (r: Res | undefined): EngineResources | undefined =>
  r && clean({ NanoCPUs: r.cpus === undefined ? undefined : Math.round(r.cpus * NS), MemoryBytes: r.memoryBytes });
const fromRes = (r: EngineResources | undefined): Res | undefined => {
  if (!r || (!r.NanoCPUs && !r.MemoryBytes)) return undefined;
  return clean({ cpus: r.NanoCPUs ? r.NanoCPUs / NS : undefined, memoryBytes: r.MemoryBytes || undefined });
};

function toFileRef(kind: 'secret' | 'config', r: SwarmServiceSpec['secrets'][number] | SwarmServiceSpec['configs'][number], ids: ReadonlyMap<string, string>): EngineFileRef {
  const name = kind === 'secret' ? (r as { secret: string }).secret : (r as { config: string }).config;
  const id = ids.get(name) ?? name;
  // Configs default to /<name> (like `docker service create --config`), secrets to /run/secrets/<name>.
  const file: NonNullable<EngineFileRef['File']> = { Name: r.target ?? defaultTarget(kind, name), UID: r.uid ?? '0', GID: r.gid ?? '0', Mode: r.mode ?? 0o444 };
  return kind === 'secret' ? { File: file, SecretID: id, SecretName: name } : { File: file, ConfigID: id, ConfigName: name };
}

/** The engine's ServiceSpec for a form (every key the form knows is present, possibly undefined). */
export function toEngineSpec(f: SwarmServiceSpec, ids: RefIds = { secrets: new Map(), configs: new Map() }): EngineServiceSpec {
  const hc = f.healthcheck;
  const container: EngineContainerSpec = {
    Image: f.image,
    Labels: nonEmptyRecord(f.containerLabels),
    Command: f.entrypoint,
    Args: f.command,
    Hostname: f.hostname,
    Env: nonEmpty(f.env),
    Dir: f.workdir,
    User: f.user,
    Mounts: nonEmpty(f.mounts.map((m) => clean({ Type: m.type, Source: m.source || undefined, Target: m.target, ReadOnly: m.readOnly || undefined }))),
    HealthCheck: hc && clean({ Test: hc.test, Interval: ns(hc.interval), Timeout: ns(hc.timeout), StartPeriod: ns(hc.startPeriod), Retries: hc.retries }),
    Secrets: nonEmpty(f.secrets.map((s) => toFileRef('secret', s, ids.secrets))),
    Configs: nonEmpty(f.configs.map((c) => toFileRef('config', c, ids.configs))),
  };
  const rp = f.restartPolicy;
  return {
    Name: f.name,
    Labels: f.labels,
    TaskTemplate: {
      ContainerSpec: container,
      Resources: clean({ Limits: toRes(f.limits), Reservations: toRes(f.reservations) }),
      RestartPolicy: rp && clean({ Condition: rp.condition, Delay: ns(rp.delaySeconds), MaxAttempts: rp.maxAttempts, Window: ns(rp.windowSeconds) }),
      Placement: {
        Constraints: nonEmpty(f.constraints),
        Preferences: nonEmpty(f.preferences.map((p) => ({ Spread: { SpreadDescriptor: p.spread } }))),
        MaxReplicas: f.maxReplicasPerNode,
      },
      Networks: nonEmpty(f.networks.map((n) => clean({ Target: n.target, Aliases: n.aliases }))),
    },
    Mode: f.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: f.replicas } },
    UpdateConfig: toUpdate(f.updateConfig),
    RollbackConfig: toUpdate(f.rollbackConfig),
    EndpointSpec: {
      Ports: f.ports.map((p) => clean({ Protocol: p.protocol, TargetPort: p.target, PublishedPort: p.published, PublishMode: p.mode })),
    },
  };
}

/** Keys of `next` overwrite (undefined deletes); keys only `current` has are kept. One level deep. */
const over = <T extends object>(current: T | undefined, next: T | undefined): T | undefined =>
  next === undefined ? undefined : clean<T>({ ...(current ?? {}), ...next });

/**
 * The spec to send for an update: what the form describes replaces the current values, everything the form
 * does not know (log driver, privileges, stop signal, mount options, platforms, ForceUpdate, ...) is kept.
 */
export function mergeServiceSpec(current: EngineServiceSpec, form: EngineServiceSpec): EngineServiceSpec {
  const ct = current.TaskTemplate ?? {};
  const ft = form.TaskTemplate ?? {};
  const cc = ct.ContainerSpec ?? {};
  const fc = ft.ContainerSpec ?? {};
  // Mount options the form has no field for (volume driver, bind propagation) stay with their target.
  const oldMounts = new Map((cc.Mounts ?? []).map((m) => [m.Target, m]));
  const mounts = fc.Mounts?.map((m) => {
    const old = oldMounts.get(m.Target);
    return old && old.Type === m.Type ? clean({ ...old, ...m, ReadOnly: m.ReadOnly }) : m;
  });
  const { Networks: _deprecated, ...rest } = current;
  return clean({
    ...rest,
    ...form,
    TaskTemplate: clean({
      ...ct,
      ...ft,
      ContainerSpec: clean({ ...cc, ...fc, Mounts: mounts }),
      Resources: clean({ Limits: over(ct.Resources?.Limits, ft.Resources?.Limits), Reservations: over(ct.Resources?.Reservations, ft.Resources?.Reservations) }),
      Placement: clean({ ...(ct.Placement ?? {}), ...(ft.Placement ?? {}) }),
    }),
    EndpointSpec: clean({ ...(current.EndpointSpec ?? {}), ...form.EndpointSpec }),
  });
}

const defaultTarget = (kind: 'secret' | 'config', name: string) => (kind === 'config' ? `/${name}` : name);

function fromFileRef(kind: 'secret' | 'config', r: EngineFileRef, name: string) {
  return clean({
    target: r.File?.Name && r.File.Name !== defaultTarget(kind, name) ? r.File.Name : undefined,
    uid: r.File?.UID && r.File.UID !== '0' ? r.File.UID : undefined,
    gid: r.File?.GID && r.File.GID !== '0' ? r.File.GID : undefined,
    mode: r.File?.Mode !== undefined && r.File.Mode !== 0o444 ? r.File.Mode : undefined,
  });
}

/** The engine's ServiceSpec in the shape of the form (what services.inspect returns for the edit form). */
export function fromEngineSpec(s: EngineServiceSpec): SwarmServiceSpec {
  const t = s.TaskTemplate ?? {};
  const c = t.ContainerSpec ?? {};
  const hc = c.HealthCheck;
  const rp = t.RestartPolicy;
  const global = s.Mode?.Global !== undefined;
  const image = c.Image ?? '';
  return clean({
    name: s.Name,
    image: image.includes('@') ? image.slice(0, image.indexOf('@')) : image,
    mode: global ? 'global' : 'replicated',
    replicas: global ? 1 : (s.Mode?.Replicated?.Replicas ?? 1),
    entrypoint: c.Command,
    command: c.Args,
    env: c.Env ?? [],
    workdir: c.Dir || undefined,
    user: c.User || undefined,
    hostname: c.Hostname || undefined,
    labels: s.Labels ?? {},
    containerLabels: c.Labels ?? {},
    ports: (s.EndpointSpec?.Ports ?? []).map((p) =>
      clean({ target: p.TargetPort, published: p.PublishedPort || undefined, protocol: p.Protocol ?? 'tcp', mode: p.PublishMode ?? 'ingress' }),
    ),
    mounts: (c.Mounts ?? [])
      .filter((m): m is typeof m & { Type: 'bind' | 'volume' | 'tmpfs' } => ['bind', 'volume', 'tmpfs'].includes(m.Type ?? ''))
      .map((m) => ({ type: m.Type, source: m.Source ?? '', target: m.Target ?? '', readOnly: m.ReadOnly === true })),
    networks: (t.Networks ?? s.Networks ?? []).map((n) => clean({ target: n.Target, aliases: n.Aliases?.length ? n.Aliases : undefined })),
    constraints: t.Placement?.Constraints ?? [],
    preferences: (t.Placement?.Preferences ?? []).flatMap((p) => (p.Spread?.SpreadDescriptor ? [{ spread: p.Spread.SpreadDescriptor }] : [])),
    maxReplicasPerNode: t.Placement?.MaxReplicas || undefined,
    limits: fromRes(t.Resources?.Limits),
    reservations: fromRes(t.Resources?.Reservations),
    restartPolicy: rp && clean({ condition: (rp.Condition ?? 'any') as 'any', delaySeconds: sec(rp.Delay), maxAttempts: rp.MaxAttempts, windowSeconds: sec(rp.Window) }),
    updateConfig: fromUpdate(s.UpdateConfig),
    rollbackConfig: fromUpdate(s.RollbackConfig),
    healthcheck: hc?.Test && clean({ test: hc.Test, interval: sec(hc.Interval), timeout: sec(hc.Timeout), startPeriod: sec(hc.StartPeriod), retries: hc.Retries }),
    secrets: (c.Secrets ?? []).map((r) => ({ secret: r.SecretName ?? r.SecretID ?? '', ...fromFileRef('secret', r, r.SecretName ?? '') })),
    configs: (c.Configs ?? []).map((r) => ({ config: r.ConfigName ?? r.ConfigID ?? '', ...fromFileRef('config', r, r.ConfigName ?? '') })),
  });
}
