import { shellQuote, swarmServiceSpecSchema, type SwarmServiceSpec } from '../../../api/contract';

// The create/edit service form as the user types it (text, one row per port or mount); spec.ts turns it into
// the contract's SwarmServiceSpec and places the schema's complaints on these fields.

export type Protocol = 'tcp' | 'udp' | 'sctp';
export interface PortRow {
  target: string;
  published: string;
  protocol: Protocol;
  mode: 'ingress' | 'host';
}
export interface MountRow {
  type: 'bind' | 'volume' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}
export interface UpdateDraft {
  parallelism: string;
  delaySeconds: string;
  failureAction: 'pause' | 'continue' | 'rollback';
  monitorSeconds: string;
  maxFailureRatio: string;
  order: 'stop-first' | 'start-first';
}
export interface ServiceDraft {
  name: string;
  image: string;
  mode: 'replicated' | 'global';
  replicas: string;
  command: string;
  entrypoint: string;
  workdir: string;
  user: string;
  hostname: string;
  /** KEY=VALUE per line. */
  env: string;
  /** key=value per line. */
  labels: string;
  ports: PortRow[];
  mounts: MountRow[];
  /** Network names, one per line. */
  networks: string;
  /** One constraint per line (node.role==manager). */
  constraints: string;
  /** One node label to spread over per line (node.labels.zone). */
  preferences: string;
  maxReplicasPerNode: string;
  limitCpus: string;
  limitMemory: string;
  reserveCpus: string;
  reserveMemory: string;
  restartCondition: 'none' | 'on-failure' | 'any';
  restartDelay: string;
  restartMaxAttempts: string;
  restartWindow: string;
  update: UpdateDraft;
  rollback: UpdateDraft;
  /** Secret (config) names, one per line, optionally name:target. */
  secrets: string;
  configs: string;
}

/** What a form does not show but an edit must keep (healthcheck, container labels, uid/gid/mode of files). */
export type Kept = Partial<SwarmServiceSpec>;

const defaultUpdate: UpdateDraft = {
  parallelism: '1',
  delaySeconds: '0',
  failureAction: 'pause',
  monitorSeconds: '',
  maxFailureRatio: '',
  order: 'stop-first',
};

export const emptyDraft: ServiceDraft = {
  name: '',
  image: '',
  mode: 'replicated',
  replicas: '1',
  command: '',
  entrypoint: '',
  workdir: '',
  user: '',
  hostname: '',
  env: '',
  labels: '',
  ports: [],
  mounts: [],
  networks: '',
  constraints: '',
  preferences: '',
  maxReplicasPerNode: '',
  limitCpus: '',
  limitMemory: '',
  reserveCpus: '',
  reserveMemory: '',
  restartCondition: 'any',
  restartDelay: '',
  restartMaxAttempts: '',
  restartWindow: '',
  update: defaultUpdate,
  rollback: defaultUpdate,
  secrets: '',
  configs: '',
};

const str = (n: number | undefined): string => (n === undefined ? '' : String(n));
const mib = (bytes: number | undefined): string =>
  bytes === undefined ? '' : `${Math.round(bytes / 1024 / 1024)}m`;
const words = (list: string[] | undefined): string => (list ?? []).map(shellQuote).join(' ');
const lines = (list: string[]): string => list.join('\n');
const files = (list: { target?: string }[], key: 'secret' | 'config'): string =>
  lines(
    list.map((f) => {
      const name = (f as Record<string, unknown>)[key] as string;
      return f.target && f.target !== name ? `${name}:${f.target}` : name;
    }),
  );

function updateDraft(u: SwarmServiceSpec['updateConfig']): UpdateDraft {
  if (!u) return defaultUpdate;
  return {
    parallelism: String(u.parallelism),
    delaySeconds: String(u.delaySeconds),
    failureAction: u.failureAction,
    monitorSeconds: str(u.monitorSeconds),
    maxFailureRatio: str(u.maxFailureRatio),
    order: u.order,
  };
}

/** The form for an existing service, from services.inspect's spec (the create form's shape). */
export function draftFromSpec(raw: unknown): { draft: ServiceDraft; kept: Kept } {
  const parsed = swarmServiceSpecSchema.safeParse(raw);
  // A spec the form's schema does not fully accept still fills what it can; saving then shows what to fix.
  const s = (parsed.success ? parsed.data : (raw ?? {})) as Partial<SwarmServiceSpec>;
  const draft: ServiceDraft = {
    ...emptyDraft,
    name: s.name ?? '',
    image: s.image ?? '',
    mode: s.mode ?? 'replicated',
    replicas: str(s.replicas ?? 1),
    command: words(s.command),
    entrypoint: words(s.entrypoint),
    workdir: s.workdir ?? '',
    user: s.user ?? '',
    hostname: s.hostname ?? '',
    env: lines(s.env ?? []),
    labels: lines(Object.entries(s.labels ?? {}).map(([k, v]) => `${k}=${v}`)),
    ports: (s.ports ?? []).map((p) => ({
      target: String(p.target),
      published: str(p.published),
      protocol: p.protocol,
      mode: p.mode,
    })),
    mounts: (s.mounts ?? []).map((m) => ({
      type: m.type,
      source: m.source,
      target: m.target,
      readOnly: m.readOnly,
    })),
    networks: lines((s.networks ?? []).map((n) => n.target)),
    constraints: lines(s.constraints ?? []),
    preferences: lines((s.preferences ?? []).map((p) => p.spread)),
    maxReplicasPerNode: str(s.maxReplicasPerNode),
    limitCpus: str(s.limits?.cpus),
    limitMemory: mib(s.limits?.memoryBytes),
    reserveCpus: str(s.reservations?.cpus),
    reserveMemory: mib(s.reservations?.memoryBytes),
    restartCondition: s.restartPolicy?.condition ?? 'any',
    restartDelay: str(s.restartPolicy?.delaySeconds),
    restartMaxAttempts: str(s.restartPolicy?.maxAttempts),
    restartWindow: str(s.restartPolicy?.windowSeconds),
    update: updateDraft(s.updateConfig),
    rollback: updateDraft(s.rollbackConfig),
    secrets: files(s.secrets ?? [], 'secret'),
    configs: files(s.configs ?? [], 'config'),
  };
  const kept: Kept = {
    ...(s.healthcheck ? { healthcheck: s.healthcheck } : {}),
    ...(s.containerLabels ? { containerLabels: s.containerLabels } : {}),
    ...(s.networks ? { networks: s.networks } : {}),
    ...(s.secrets ? { secrets: s.secrets } : {}),
    ...(s.configs ? { configs: s.configs } : {}),
  };
  return { draft, kept };
}
