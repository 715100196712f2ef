import {
  parseByteSize,
  splitShellWords,
  swarmServiceSpecSchema,
  type BerthErrorData,
  type SwarmServiceSpecInput,
} from '../../../api/contract';
import { issuesOf, type FieldErrors } from '../errors';
import type { Kept, ServiceDraft, UpdateDraft } from './draft';

/** Text fields holding one entry per line: a schema issue at `<spec key>.<n>` lands on the field as "Line k". */
const LINE_FIELDS: Record<string, keyof ServiceDraft> = {
  env: 'env',
  constraints: 'constraints',
  preferences: 'preferences',
  networks: 'networks',
  secrets: 'secrets',
  configs: 'configs',
};
const NESTED: Record<string, string> = {
  'limits.cpus': 'limitCpus',
  'limits.memoryBytes': 'limitMemory',
  'reservations.cpus': 'reserveCpus',
  'reservations.memoryBytes': 'reserveMemory',
  'restartPolicy.condition': 'restartCondition',
  'restartPolicy.delaySeconds': 'restartDelay',
  'restartPolicy.maxAttempts': 'restartMaxAttempts',
  'restartPolicy.windowSeconds': 'restartWindow',
};

const nonEmptyLines = (text: string): { line: number; text: string }[] =>
  text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');

/** Where a spec path's problem shows in the form ("ports.0.target" stays; "env.2" → the env box, with its line). */
export function fieldOf(path: string, draft: ServiceDraft): { field: string; prefix?: string } {
  const [head = '', index, ...rest] = path.split('.');
  const lineField = LINE_FIELDS[head];
  if (lineField && index !== undefined) {
    const line = nonEmptyLines(draft[lineField] as string)[Number(index)]?.line;
    return { field: lineField, ...(line ? { prefix: `Line ${line}: ` } : {}) };
  }
  if (head === 'command' || head === 'entrypoint' || head === 'labels') return { field: head };
  if (head === 'updateConfig' || head === 'rollbackConfig')
    return { field: `${head === 'updateConfig' ? 'update' : 'rollback'}.${index ?? ''}` };
  const nested = NESTED[[head, index].join('.')];
  if (nested) return { field: nested };
  return { field: [head, index, ...rest].filter((p) => p !== undefined).join('.') };
}

/** Spec issues ([{ path, message }], from the schema or the dispatcher) placed on the form's fields. */
export function placeIssues(issues: FieldErrors, draft: ServiceDraft): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(issues)) {
    const { field, prefix = '' } = fieldOf(path, draft);
    out[field] ??= prefix + message;
  }
  return out;
}

/** What the engine refused, on the field it concerns (schema issues by path, known engine messages by topic). */
export function serverFieldErrors(error: BerthErrorData, draft: ServiceDraft): FieldErrors {
  const placed = placeIssues(issuesOf(error, 'spec.'), draft);
  if (Object.keys(placed).length) return placed;
  const m = error.message;
  const published = draft.ports.findIndex((p) => p.published.trim() !== '');
  const rules: [RegExp, string, string][] = [
    [/name.*(exists|in use|taken)|already exists/i, 'name', 'A service with this name exists already'],
    [/secret/i, 'secrets', m],
    [/config/i, 'configs', m],
    [/network/i, 'networks', m],
    [/port/i, published >= 0 ? `ports.${published}.published` : 'ports', m],
    [/constraint|placement/i, 'constraints', m],
    [/mount|bind source|volume/i, 'mounts', m],
    [/image|manifest|pull access|repository/i, 'image', m],
  ];
  const rule = rules.find(([re]) => re.test(m));
  return rule ? { [rule[1]]: rule[2] } : {};
}

type Num = { value?: number; error?: string };
function num(text: string, whole = false): Num {
  const t = text.trim();
  if (t === '') return {};
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: whole ? 'A whole number' : 'A number' };
  if (whole && !Number.isInteger(n)) return { error: 'A whole number' };
  return { value: n };
}

/** The form as the contract's spec, with the problems the form itself can see (numbers, quotes, sizes). */
export function toSpec(
  draft: ServiceDraft,
  kept: Kept = {},
): { spec: SwarmServiceSpecInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (field: string, text: string, whole = false) => {
    const r = num(text, whole);
    if (r.error) errors[field] = r.error;
    return r.value;
  };
  const bytes = (field: string, text: string) => {
    if (!text.trim()) return undefined;
    const b = parseByteSize(text);
    if (b === undefined) errors[field] = 'A size such as 512m or 1g';
    return b;
  };
  const shellWords = (field: 'command' | 'entrypoint') => {
    if (!draft[field].trim()) return undefined;
    const w = splitShellWords(draft[field]);
    if (!w) errors[field] = 'A quote is not closed';
    return w;
  };
  const update = (key: 'update' | 'rollback', u: UpdateDraft) => ({
    parallelism: number(`${key}.parallelism`, u.parallelism, true) ?? 1,
    delaySeconds: number(`${key}.delaySeconds`, u.delaySeconds) ?? 0,
    failureAction: u.failureAction,
    order: u.order,
    ...opt('monitorSeconds', number(`${key}.monitorSeconds`, u.monitorSeconds)),
    ...opt('maxFailureRatio', number(`${key}.maxFailureRatio`, u.maxFailureRatio)),
  });
  const resources = (cpus: string, memory: string, cpuField: string, memField: string) => {
    const r = { ...opt('cpus', number(cpuField, cpus)), ...opt('memoryBytes', bytes(memField, memory)) };
    return Object.keys(r).length ? r : undefined;
  };
  const labels: Record<string, string> = {};
  for (const { line, text } of nonEmptyLines(draft.labels)) {
    const eq = text.indexOf('=');
    if (eq <= 0) errors.labels ??= `Line ${line}: write key=value`;
    else labels[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
  }
  const fileRefs = (text: string, key: 'secret' | 'config', before: { target?: string }[] = []) =>
    nonEmptyLines(text).map(({ text: t }) => {
      const [name = '', target] = t.split(':', 2).map((s) => s.trim());
      // An edit keeps the uid, gid and mode the form does not show for a file it did not change.
      const same = before.find(
        (f) => (f as Record<string, unknown>)[key] === name && (target === undefined || f.target === target),
      );
      return same ?? { [key]: name, ...(target ? { target } : {}) };
    });
  const aliases = new Map((kept.networks ?? []).map((n) => [n.target, n.aliases]));
  const restart = {
    condition: draft.restartCondition,
    ...opt('delaySeconds', number('restartDelay', draft.restartDelay)),
    ...opt('maxAttempts', number('restartMaxAttempts', draft.restartMaxAttempts, true)),
    ...opt('windowSeconds', number('restartWindow', draft.restartWindow)),
  };
  const limits = resources(draft.limitCpus, draft.limitMemory, 'limitCpus', 'limitMemory');
  const reservations = resources(draft.reserveCpus, draft.reserveMemory, 'reserveCpus', 'reserveMemory');
  const command = shellWords('command');
  const entrypoint = shellWords('entrypoint');
  const spec = {
    name: draft.name.trim(),
    image: draft.image.trim(),
    mode: draft.mode,
    replicas: draft.mode === 'replicated' ? (number('replicas', draft.replicas, true) ?? 1) : 1,
    ...opt('command', command),
    ...opt('entrypoint', entrypoint),
    ...opt('workdir', draft.workdir.trim() || undefined),
    ...opt('user', draft.user.trim() || undefined),
    ...opt('hostname', draft.hostname.trim() || undefined),
    env: nonEmptyLines(draft.env).map((l) => l.text),
    labels,
    ...(kept.containerLabels ? { containerLabels: kept.containerLabels } : {}),
    ports: draft.ports.map((p, i) => ({
      target: number(`ports.${i}.target`, p.target, true) ?? Number.NaN,
      ...opt('published', number(`ports.${i}.published`, p.published, true)),
      protocol: p.protocol,
      mode: p.mode,
    })),
    mounts: draft.mounts.map((m) => ({
      type: m.type,
      source: m.source.trim(),
      target: m.target.trim(),
      readOnly: m.readOnly,
    })),
    networks: nonEmptyLines(draft.networks).map(({ text }) => {
      const a = aliases.get(text);
      return { target: text, ...(a ? { aliases: a } : {}) };
    }),
    constraints: nonEmptyLines(draft.constraints).map((l) => l.text),
    preferences: nonEmptyLines(draft.preferences).map((l) => ({ spread: l.text })),
    ...opt('maxReplicasPerNode', number('maxReplicasPerNode', draft.maxReplicasPerNode, true)),
    ...opt('limits', limits),
    ...opt('reservations', reservations),
    restartPolicy: restart,
    updateConfig: update('update', draft.update),
    rollbackConfig: update('rollback', draft.rollback),
    ...(kept.healthcheck ? { healthcheck: kept.healthcheck } : {}),
    secrets: fileRefs(draft.secrets, 'secret', kept.secrets),
    configs: fileRefs(draft.configs, 'config', kept.configs),
  } as SwarmServiceSpecInput;
  for (const [i, p] of draft.ports.entries())
    if (!p.target.trim()) errors[`ports.${i}.target`] = 'The port in the container is required';
  return { spec, errors };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The form's problems: its own (numbers, quotes) first, then the contract schema's, each on its field. */
export function validateDraft(
  draft: ServiceDraft,
  kept?: Kept,
): { spec?: SwarmServiceSpecInput; errors: FieldErrors } {
  const { spec, errors } = toSpec(draft, kept);
  const parsed = swarmServiceSpecSchema.safeParse(spec);
  const schemaIssues: FieldErrors = {};
  if (!parsed.success) for (const i of parsed.error.issues) schemaIssues[i.path.join('.')] ??= i.message;
  const all = { ...placeIssues(schemaIssues, draft), ...errors };
  return Object.keys(all).length ? { errors: all } : { spec, errors: {} };
}
