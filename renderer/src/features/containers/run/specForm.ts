import {
  containerChangesSchema,
  containerSpecSchema,
  joinShellWords,
  parseByteSize,
  splitShellWords,
  type ContainerChanges,
  type ContainerSpec,
  type ContainerSpecInput,
  type MountSpec,
  type PortSpec,
} from '../../../api/contract';

// The run / edit dialog's form: what the user typed (strings), turned into a ContainerSpec and checked by the
// contract's own schema, so the messages next to the fields are the ones the backend would give.

export interface PortRow {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: PortSpec['protocol'];
}
export interface KeyValueRow {
  key: string;
  value: string;
}
export interface MountRow {
  type: MountSpec['type'];
  source: string;
  target: string;
  readOnly: boolean;
}
export type RestartName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface SpecForm {
  image: string;
  name: string;
  command: string;
  entrypoint: string;
  ports: PortRow[];
  env: KeyValueRow[];
  volumes: MountRow[];
  network: string;
  restart: RestartName;
  maxRetries: string;
  cpus: string;
  memory: string;
  pidsLimit: string;
  user: string;
  workingDir: string;
  labels: KeyValueRow[];
  capAdd: string;
  capDrop: string;
  readOnlyRootfs: boolean;
  privileged: boolean;
  autoRemove: boolean;
  tty: boolean;
  hostname: string;
  healthCmd: string;
  healthInterval: string;
  healthTimeout: string;
  healthStartPeriod: string;
  healthRetries: string;
}

/** Field path (as the schema reports it, e.g. "ports.1.hostPort") → message. */
export type FieldErrors = Record<string, string>;

export const emptyForm = (): SpecForm => ({
  image: '',
  name: '',
  command: '',
  entrypoint: '',
  ports: [],
  env: [],
  volumes: [],
  network: '',
  restart: 'no',
  maxRetries: '',
  cpus: '',
  memory: '',
  pidsLimit: '',
  user: '',
  workingDir: '',
  labels: [],
  capAdd: '',
  capDrop: '',
  readOnlyRootfs: false,
  privileged: false,
  autoRemove: false,
  tty: false,
  hostname: '',
  healthCmd: '',
  healthInterval: '',
  healthTimeout: '',
  healthStartPeriod: '',
  healthRetries: '',
});

const MiB = 1024 * 1024;
const rowsOf = (record: Record<string, string>): KeyValueRow[] =>
  Object.entries(record).map(([key, value]) => ({ key, value }));
const opt = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Memory for the form: whole MiB/GiB as "512m"/"2g", else bytes. */
export function memoryText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes % (1024 * MiB) === 0) return `${bytes / (1024 * MiB)}g`;
  if (bytes % MiB === 0) return `${bytes / MiB}m`;
  return String(bytes);
}

/** An existing container's spec (containers.spec) → the form, for "Edit settings…". */
export function formFromSpec(spec: ContainerSpec): SpecForm {
  const h = spec.healthcheck;
  const healthCmd = !h
    ? ''
    : h.test[0] === 'CMD-SHELL'
      ? h.test.slice(1).join(' ')
      : joinShellWords(h.test.slice(1));
  return {
    ...emptyForm(),
    image: spec.image,
    name: spec.name ?? '',
    command: spec.command ? joinShellWords(spec.command) : '',
    entrypoint: spec.entrypoint ? joinShellWords(spec.entrypoint) : '',
    ports: spec.ports.map((p) => ({
      hostIp: p.hostIp ?? '',
      hostPort: opt(p.hostPort),
      containerPort: String(p.containerPort),
      protocol: p.protocol,
    })),
    env: rowsOf(spec.env),
    volumes: spec.volumes.map((m) => ({ ...m })),
    network: spec.network ?? '',
    restart: spec.restartPolicy?.name ?? 'no',
    maxRetries: opt(spec.restartPolicy?.maximumRetryCount),
    cpus: opt(spec.cpus),
    memory: memoryText(spec.memory),
    pidsLimit: opt(spec.pidsLimit),
    user: spec.user ?? '',
    workingDir: spec.workingDir ?? '',
    labels: rowsOf(spec.labels),
    capAdd: spec.capAdd.join(' '),
    capDrop: spec.capDrop.join(' '),
    readOnlyRootfs: spec.readOnlyRootfs,
    privileged: spec.privileged,
    autoRemove: spec.autoRemove,
    tty: spec.tty,
    hostname: spec.hostname ?? '',
    healthCmd: h?.test[0] === 'NONE' ? '' : healthCmd,
    healthInterval: opt(h?.interval),
    healthTimeout: opt(h?.timeout),
    healthStartPeriod: opt(h?.startPeriod),
    healthRetries: opt(h?.retries),
  };
}

/** Reads the form into a spec input; problems the schema cannot see (unreadable numbers, quotes) go to `errors`. */
export function specInputFromForm(form: SpecForm): { input: ContainerSpecInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (text: string, field: string, what: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const n = Number(text.trim());
    if (!Number.isFinite(n)) errors[field] = `${what} must be a number`;
    return Number.isFinite(n) ? n : undefined;
  };
  const words = (text: string, field: string): string[] | undefined => {
    if (text.trim() === '') return undefined;
    const w = splitShellWords(text);
    if (!w) errors[field] = 'A quote is not closed';
    return w;
  };
  const record = (rows: KeyValueRow[], field: string, what: string): Record<string, string> => {
    const out: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (r.key.trim() === '' && r.value === '') return;
      if (r.key.trim() === '') errors[`${field}.${i}.key`] = `A ${what} needs a name`;
      else if (r.key.trim() in out) errors[`${field}.${i}.key`] = `${r.key.trim()} is set twice`;
      else out[r.key.trim()] = r.value;
    });
    return out;
  };
  let memory: number | undefined;
  if (form.memory.trim() !== '') {
    memory = parseByteSize(form.memory);
    if (memory === undefined) errors.memory = 'Use a size like 512m or 2g';
  }
  const healthTest = words(form.healthCmd, 'healthCmd');
  const command = words(form.command, 'command');
  const entrypoint = words(form.entrypoint, 'entrypoint');
  const caps = (text: string) => text.split(/[\s,]+/).filter(Boolean);
  const input: ContainerSpecInput = {
    image: form.image.trim(),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    ...(command ? { command } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    ports: form.ports.map((p, i) => {
      const hostPort = num(p.hostPort, `ports.${i}.hostPort`, 'Host port');
      const containerPort = num(p.containerPort, `ports.${i}.containerPort`, 'Container port');
      if (p.containerPort.trim() === '')
        errors[`ports.${i}.containerPort`] = 'The container port is required';
      return {
        ...(p.hostIp.trim() ? { hostIp: p.hostIp.trim() } : {}),
        ...(hostPort !== undefined ? { hostPort } : {}),
        containerPort: containerPort ?? 0,
        protocol: p.protocol,
      };
    }),
    env: record(form.env, 'env', 'variable'),
    volumes: form.volumes.map((m) => ({ ...m, source: m.source.trim(), target: m.target.trim() })),
    ...(form.network.trim() ? { network: form.network.trim() } : {}),
    ...(form.restart !== 'no'
      ? {
          restartPolicy: {
            name: form.restart,
            ...(form.restart === 'on-failure' && form.maxRetries.trim()
              ? { maximumRetryCount: num(form.maxRetries, 'maxRetries', 'Retries') ?? 0 }
              : {}),
          },
        }
      : {}),
    ...optionalNumber('cpus', num(form.cpus, 'cpus', 'CPUs')),
    ...(memory !== undefined ? { memory } : {}),
    ...optionalNumber('pidsLimit', num(form.pidsLimit, 'pidsLimit', 'The process limit')),
    ...(form.user.trim() ? { user: form.user.trim() } : {}),
    ...(form.workingDir.trim() ? { workingDir: form.workingDir.trim() } : {}),
    labels: record(form.labels, 'labels', 'label'),
    capAdd: caps(form.capAdd),
    capDrop: caps(form.capDrop),
    readOnlyRootfs: form.readOnlyRootfs,
    privileged: form.privileged,
    autoRemove: form.autoRemove,
    tty: form.tty,
    ...(form.hostname.trim() ? { hostname: form.hostname.trim() } : {}),
    ...(healthTest?.length
      ? {
          healthcheck: {
            test: ['CMD-SHELL', form.healthCmd.trim()],
            ...optionalNumber('interval', num(form.healthInterval, 'healthInterval', 'Interval')),
            ...optionalNumber('timeout', num(form.healthTimeout, 'healthTimeout', 'Timeout')),
            ...optionalNumber(
              'startPeriod',
              num(form.healthStartPeriod, 'healthStartPeriod', 'Start period'),
            ),
            ...optionalNumber('retries', num(form.healthRetries, 'healthRetries', 'Retries')),
          },
        }
      : {}),
  };
  return { input, errors };
}

const optionalNumber = <K extends string>(key: K, n: number | undefined) =>
  (n === undefined ? {} : { [key]: n }) as Partial<Record<K, number>>;

/** Schema issue paths → form fields: env/labels issues name the key, the form shows them on that row. */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  form: SpecForm,
  prefix: readonly PropertyKey[] = [],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.slice(prefix.length).map(String);
    const [head, key] = path;
    if ((head === 'env' || head === 'labels') && key !== undefined) {
      const row = form[head].findIndex((r) => r.key.trim() === key);
      errors[row >= 0 ? `${head}.${row}.key` : head] ??= issue.message;
    } else if (head === 'healthcheck') {
      errors.healthCmd ??= issue.message;
    } else if (head === 'capAdd' || head === 'capDrop') {
      errors[head] ??= issue.message;
    } else if (head === 'restartPolicy') {
      errors.maxRetries ??= issue.message;
    } else errors[path.join('.')] ??= issue.message;
  }
  return errors;
}

/** The whole check: form → valid spec, or the messages per field. */
export function validateForm(form: SpecForm): { spec?: ContainerSpecInput; errors: FieldErrors } {
  const { input, errors } = specInputFromForm(form);
  const parsed = containerSpecSchema.safeParse(input);
  const schemaErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, form);
  const all = { ...schemaErrors, ...errors };
  return Object.keys(all).length ? { errors: all } : { spec: input, errors: {} };
}

/** What "Edit settings…" may change, and only where it differs from the container's current spec. */
export function changesFromForm(
  form: SpecForm,
  current: ContainerSpec,
): { changes?: ContainerChanges; errors: FieldErrors } {
  const { spec, errors } = validateForm(form);
  if (!spec) return { errors };
  const next = containerSpecSchema.parse(spec);
  const changes: ContainerChanges = {};
  const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  if (next.image !== current.image) changes.image = next.image;
  if (differs(next.command ?? [], current.command ?? [])) changes.command = next.command ?? [];
  if (differs(next.env, current.env)) changes.env = next.env;
  if (differs(next.ports, current.ports)) changes.ports = next.ports;
  if (differs(next.volumes, current.volumes)) changes.volumes = next.volumes;
  if (differs(next.restartPolicy ?? { name: 'no' }, current.restartPolicy ?? { name: 'no' }))
    changes.restartPolicy = next.restartPolicy ?? { name: 'no' };
  // A cleared limit means "no limit", which the engine spells 0.
  if (differs(next.cpus, current.cpus)) changes.cpus = next.cpus ?? 0;
  if (differs(next.memory, current.memory)) changes.memory = next.memory ?? 0;
  if (differs(next.pidsLimit, current.pidsLimit)) changes.pidsLimit = next.pidsLimit ?? 0;
  const checked = containerChangesSchema.safeParse(changes);
  if (!checked.success) return { errors: fieldErrorsFromIssues(checked.error.issues, form) };
  return { changes, errors: {} };
}
