import type { ServiceConfig } from '../compose';
import { durationNs, parseBytes } from '../compose';
import type { EnginePortConfig, EngineServiceSpec, EngineUpdateConfig } from '../common/swarm-engine-types';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const map = (v: unknown): Mapping => (isMapping(v) ? v : {});
const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));
const ns = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : durationNs(v));
const compact = <T extends Mapping>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const orUndefined = <T extends Mapping>(o: T): T | undefined => (Object.keys(o).length ? o : undefined);

export type Deploy = Mapping & { replicas?: number };
type Spec = EngineServiceSpec;
type Task = NonNullable<Spec['TaskTemplate']>;

/** A mapping error names the compose key path, like the loader's own. */
export class StackFieldError extends Error {}
const field = <T>(path: string, fn: () => T): T => {
  try {
    return fn();
  } catch (err) {
    throw new StackFieldError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
};

export const deployOf = (svc: ServiceConfig): Deploy => map(svc.deploy);

/** deploy.mode (replicated, global, replicated-job, global-job) and replicas (or `scale`). */
export function modeOf(svc: ServiceConfig, deploy: Deploy): Spec['Mode'] {
  const mode = typeof deploy.mode === 'string' ? deploy.mode : 'replicated';
  const replicas = deploy.replicas ?? svc.scale;
  if (mode === 'global') return { Global: {} };
  if (mode === 'global-job') return { GlobalJob: {} };
  if (mode === 'replicated-job') return { ReplicatedJob: compact({ MaxConcurrent: replicas, TotalCompletions: replicas }) };
  return { Replicated: compact({ Replicas: replicas }) };
}

/** deploy.resources: cpus as NanoCPUs, memory as bytes, pids; reservations' generic_resources. */
export function resourcesOf(name: string, deploy: Deploy): Task['Resources'] {
  const r = map(deploy.resources);
  const at = `services.${name}.deploy.resources`;
  const one = (part: 'limits' | 'reservations') => {
    const v = map(r[part]);
    const generic = Array.isArray(v.generic_resources)
      ? v.generic_resources.map((g) => {
          const d = map(map(g).discrete_resource_spec);
          return { DiscreteResourceSpec: { Kind: String(d.kind), Value: Number(d.value) } };
        })
      : undefined;
    return orUndefined(
      compact({
        NanoCPUs: v.cpus !== undefined ? field(`${at}.${part}.cpus`, () => cpus(v.cpus)) : undefined,
        MemoryBytes: v.memory !== undefined ? field(`${at}.${part}.memory`, () => parseBytes(v.memory, 'memory')) : undefined,
        Pids: part === 'limits' ? num(v.pids) : undefined,
        GenericResources: generic,
      }),
    );
  };
  return orUndefined(compact({ Limits: one('limits'), Reservations: one('reservations') }));
}

function cpus(v: unknown): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`"${String(v)}" is not a number of CPUs (e.g. 0.5)`);
  return Math.round(n * 1e9);
}

const RESTART_CONDITIONS: Record<string, string> = { no: 'none', always: 'any', 'unless-stopped': 'any', 'on-failure': 'on-failure' };

/**
 * deploy.restart_policy; without it, `restart:` is mapped as the docker CLI maps it (always and unless-stopped
 * → any, on-failure[:N] → on-failure with N attempts, no → none), and the preview says so.
 */
export function restartPolicyOf(name: string, svc: ServiceConfig, deploy: Deploy, warn: (m: string) => void): Task['RestartPolicy'] {
  const rp = map(deploy.restart_policy);
  if (Object.keys(rp).length) {
    return compact({ Condition: rp.condition as string | undefined, Delay: ns(rp.delay), MaxAttempts: num(rp.max_attempts), Window: ns(rp.window) });
  }
  if (typeof svc.restart !== 'string') return undefined;
  const [policy = '', attempts] = svc.restart.split(':');
  const condition = RESTART_CONDITIONS[policy];
  if (!condition) throw new StackFieldError(`services.${name}.restart: "${svc.restart}" is not a restart policy (no, always, unless-stopped, on-failure[:N])`);
  warn(`services.${name}.restart "${svc.restart}" is mapped to deploy.restart_policy.condition "${condition}" (Swarm restarts tasks, not containers)`);
  return compact({ Condition: condition, MaxAttempts: num(attempts) });
}

export function placementOf(deploy: Deploy): Task['Placement'] {
  const p = map(deploy.placement);
  const prefs = Array.isArray(p.preferences) ? p.preferences.map((x) => ({ Spread: { SpreadDescriptor: String(map(x).spread) } })) : undefined;
  return orUndefined(
    compact({
      Constraints: Array.isArray(p.constraints) ? p.constraints.map(String) : undefined,
      Preferences: prefs,
      MaxReplicas: num(p.max_replicas_per_node),
    }),
  );
}

export function updateConfigOf(raw: unknown): EngineUpdateConfig | undefined {
  if (!isMapping(raw)) return undefined;
  return orUndefined(
    compact({
      Parallelism: num(raw.parallelism),
      Delay: ns(raw.delay),
      FailureAction: raw.failure_action as string | undefined,
      Monitor: ns(raw.monitor),
      MaxFailureRatio: num(raw.max_failure_ratio),
      Order: raw.order as string | undefined,
    }),
  );
}

/** ports (ingress or host mode, long and short syntax) and deploy.endpoint_mode. */
export function endpointSpec(name: string, svc: ServiceConfig, deploy: Deploy, warn: (m: string) => void): Spec['EndpointSpec'] {
  const ports: EnginePortConfig[] = (svc.ports ?? []).map((p) => {
    const [from = '', to] = (p.published ?? '').split('-');
    if (to !== undefined) warn(`services.${name}.ports: the published range ${p.published ?? ''} → ${p.target} is not a Swarm port; only ${from} is published`);
    if (p.host_ip) warn(`services.${name}.ports: host_ip ${p.host_ip} is ignored by Swarm (ports publish on every node's addresses)`);
    return compact({
      Name: p.name,
      Protocol: p.protocol as EnginePortConfig['Protocol'],
      TargetPort: p.target,
      PublishedPort: from === '' ? undefined : Number(from),
      PublishMode: p.mode === 'host' ? ('host' as const) : ('ingress' as const),
    });
  });
  const mode = typeof deploy.endpoint_mode === 'string' ? deploy.endpoint_mode : undefined;
  return orUndefined(compact({ Mode: mode, Ports: ports.length ? ports : undefined }));
}
