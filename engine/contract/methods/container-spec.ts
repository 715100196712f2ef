import { z } from 'zod';

// What a container is made from: one schema for `containers.create`, the run dialog's inline validation and
// `containers.recreate`'s changes. The renderer runs the same schema, so the messages here are what users read.

/** Docker's own rule for container names (daemon/names: validContainerNamePattern). */
export const CONTAINER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerName = z
  .string()
  .max(128, 'A container name may have at most 128 characters')
  .regex(
    CONTAINER_NAME_PATTERN,
    'Use at least 2 characters: letters, digits, _ . or -, starting with a letter or digit',
  );

const DOMAIN = String.raw`(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`;
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/;

/**
 * Docker's image reference grammar (distribution/reference): [registry[:port]/]path[:tag][@digest], or an
 * image ID. The first part counts as a registry only when it has a dot, a colon or is "localhost", so an
 * upper-case first part is a (bad) repository name, as docker says.
 */
export function imageReferenceProblem(ref: string): string | undefined {
  if (ref.trim() === '') return 'Choose an image';
  if (ref !== ref.trim()) return 'An image reference has no spaces around it';
  if (IMAGE_ID.test(ref)) return undefined;
  if (!REFERENCE.test(ref))
    return `"${ref}" is not a valid image reference (e.g. nginx:1.27 or registry:5000/team/app)`;
  const first = ref.split('/')[0] ?? '';
  const isRegistry = ref.includes('/') && (/[.:]/.test(first) || first === 'localhost');
  if (!isRegistry && /[A-Z]/.test(first)) return 'Repository names must be lower case';
  return undefined;
}

export const imageReference = z.string().superRefine((ref, ctx) => {
  const problem = imageReferenceProblem(ref);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const portNumber = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be between 1 and 65535`)
    .max(65535, `${what} must be between 1 and 65535`);

export const portSpec = z
  .object({
    /** Host address to publish on; absent = all addresses. */
    hostIp: z
      .string()
      .regex(/^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-fA-F:]+)$/, 'Not an IP address (e.g. 127.0.0.1)')
      .optional(),
    /** Absent = the engine picks a free port. */
    hostPort: portNumber('Host port').optional(),
    containerPort: portNumber('Container port'),
    protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  })
  .strict();

export const mountSpec = z
  .object({
    type: z.enum(['bind', 'volume', 'tmpfs']),
    /** Host path (bind), volume name (volume; empty = a new anonymous volume), unused for tmpfs. */
    source: z.string().max(4096).default(''),
    target: z
      .string()
      .min(1, 'The path in the container is required')
      .max(4096)
      .regex(/^\//, 'The path in the container must be absolute (start with /)'),
    readOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((m, ctx) => {
    const at = (message: string) => ctx.addIssue({ code: 'custom', path: ['source'], message });
    if (m.type === 'bind' && !m.source.startsWith('/')) at('A bind mount needs an absolute host path');
    if (m.type === 'volume' && m.source !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(m.source))
      at('Volume names use letters, digits, _ . or -');
    if (m.type === 'tmpfs' && m.source !== '') at('A tmpfs mount has no source');
  });

export const restartPolicySpec = z
  .object({
    name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']),
    maximumRetryCount: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

const seconds = (what: string) => z.number().min(0, `${what} cannot be negative`).max(86_400).optional();

export const healthcheckSpec = z
  .object({
    /** ["CMD", ...args], ["CMD-SHELL", "command"] or ["NONE"] (disables the image's healthcheck). */
    test: z.array(z.string()).min(1, 'A healthcheck needs a command'),
    /** Seconds. */
    interval: seconds('Interval'),
    timeout: seconds('Timeout'),
    startPeriod: seconds('Start period'),
    retries: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

const envKey = z
  .string()
  .min(1, 'A variable needs a name')
  .max(1024)
  .refine((k) => !/[\s=]/.test(k), 'Variable names cannot contain spaces or "="');
const capability = z
  .string()
  .regex(/^(?:ALL|(?:CAP_)?[A-Z][A-Z0-9_]*)$/i, 'Capabilities look like NET_ADMIN or SYS_TIME');

const limits = {
  /** CPUs (fractions allowed): becomes NanoCpus. */
  cpus: z.number().positive('CPUs must be more than 0').max(1024).optional(),
  /** Bytes; the engine needs at least 6 MiB. */
  memory: z
    .number()
    .int()
    .min(6 * 1024 * 1024, 'Memory must be at least 6 MB')
    .max(2 ** 50)
    .optional(),
  pidsLimit: z.number().int().min(1, 'The process limit must be at least 1').max(4_194_304).optional(),
};

/** Two rows publishing the same host port (address and protocol) can never both start. */
function checkDuplicateHostPorts(ports: z.output<typeof portSpec>[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  ports.forEach((p, i) => {
    if (p.hostPort === undefined) return;
    const key = `${p.hostIp ?? '*'}|${p.hostPort}|${p.protocol}`;
    const wildcard = `*|${p.hostPort}|${p.protocol}`;
    const first = seen.get(key) ?? (p.hostIp ? seen.get(wildcard) : undefined);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'hostPort'],
        message: `Host port ${p.hostPort}/${p.protocol} is already published by row ${first + 1}`,
      });
    } else seen.set(key, i);
  });
}

/** Port rows; checked on their own so duplicates show up even while other fields are still invalid. */
const portList = z.array(portSpec).max(1000).superRefine(checkDuplicateHostPorts);

const specShape = {
  name: containerName.optional(),
  image: imageReference,
  /** Arguments after the image (CMD); absent = the image's. */
  command: z.array(z.string().max(65_536)).max(1000).optional(),
  entrypoint: z.array(z.string().max(65_536)).max(1000).optional(),
  ports: portList.default([]),
  env: z.record(envKey, z.string().max(131_072)).default({}),
  /** Text in docker's --env-file format; merged under `env` (env wins). */
  envFile: z.string().max(1_048_576).optional(),
  volumes: z.array(mountSpec).max(500).default([]),
  /** Network name or ID, or bridge/host/none. */
  network: z
    .string()
    .max(256)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/, 'Not a valid network name')
    .optional(),
  restartPolicy: restartPolicySpec.optional(),
  ...limits,
  user: z
    .string()
    .max(256)
    .regex(/^[^\s:]+(?::[^\s:]+)?$/, 'Use user, uid, user:group or uid:gid')
    .optional(),
  workingDir: z.string().max(4096).regex(/^\//, 'The working directory must be an absolute path').optional(),
  labels: z.record(z.string().min(1, 'A label needs a key').max(1024), z.string().max(65_536)).default({}),
  capAdd: z.array(capability).max(64).default([]),
  capDrop: z.array(capability).max(64).default([]),
  readOnlyRootfs: z.boolean().default(false),
  privileged: z.boolean().default(false),
  autoRemove: z.boolean().default(false),
  healthcheck: healthcheckSpec.optional(),
  tty: z.boolean().default(false),
  hostname: z
    .string()
    .max(253)
    .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?$/, 'Not a valid hostname')
    .optional(),
};

export const containerSpecSchema = z
  .object(specShape)
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.autoRemove && spec.restartPolicy && spec.restartPolicy.name !== 'no') {
      ctx.addIssue({
        code: 'custom',
        path: ['autoRemove'],
        message: 'A container that removes itself when it stops cannot also have a restart policy',
      });
    }
  });

/** What `containers.recreate` may change on an existing container; each given field replaces the old one. */
export const containerChangesSchema = z
  .object({
    /** Another image (it must be on the engine): what the old image supplied gives way to the new one's defaults. */
    image: imageReference.optional(),
    /** Arguments after the image; [] = the image's default command. */
    command: z.array(z.string().max(65_536)).max(1000).optional(),
    env: specShape.env.unwrap().optional(),
    ports: portList.optional(),
    volumes: specShape.volumes.unwrap().optional(),
    restartPolicy: restartPolicySpec.optional(),
    // 0 removes a limit (the engine's "unlimited").
    cpus: z.union([z.literal(0), limits.cpus.unwrap()]).optional(),
    memory: z.union([z.literal(0), limits.memory.unwrap()]).optional(),
    pidsLimit: z.union([z.literal(0), limits.pidsLimit.unwrap()]).optional(),
    // Hardening the security lens offers as one-click fixes; none grants host power (grantsHostPower stays the gate).
    /** Sets (true) or clears (false) the no-new-privileges security option. */
    noNewPrivileges: z.boolean().optional(),
    readOnlyRootfs: z.boolean().optional(),
    /** Added capabilities to take away (only removes: adding one is `containers.create`'s admin-level job). */
    dropAddedCapabilities: z.array(capability).max(64).optional(),
  })
  .strict();

export type ContainerSpec = z.output<typeof containerSpecSchema>;
export type ContainerSpecInput = z.input<typeof containerSpecSchema>;
export type ContainerChanges = z.output<typeof containerChangesSchema>;
export type PortSpec = z.output<typeof portSpec>;
export type MountSpec = z.output<typeof mountSpec>;
export type HealthcheckSpec = z.output<typeof healthcheckSpec>;

/**
 * Parses docker's --env-file format (opts/envfile.go): one KEY=VALUE per line, the value taken literally (no
 * quotes, no interpolation); `#` starts a comment line; a bare KEY takes the value from `lookup` and is
 * skipped when it has none. Returns the variables and the problems by line.
 */
export function parseEnvFile(
  text: string,
  lookup: (name: string) => string | undefined = () => undefined,
): { env: Record<string, string>; problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trimStart();
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line.trimEnd() : line.slice(0, eq);
      if (key === '') problems.push(`line ${i + 1}: no variable name before "="`);
      else if (/\s/.test(key)) problems.push(`line ${i + 1}: variable "${key}" contains whitespace`);
      else if (eq >= 0) env[key] = line.slice(eq + 1);
      else {
        const inherited = lookup(key);
        if (inherited !== undefined) env[key] = inherited;
      }
    });
  return { env, problems };
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512m", "1.5g", "1048576", "2 GiB" → bytes (docker's RAMInBytes: binary units); undefined when unreadable. */
export function parseByteSize(text: string): number | undefined {
  const m =
    /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text) ?? /^\s*(\d+(?:\.\d+)?)\s*(b)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = BYTE_UNITS[(m[2] ?? '').toLowerCase()];
  return unit === undefined ? undefined : Math.round(Number(m[1]) * unit);
}

const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/** POSIX shell quoting: safe words stay bare, anything else goes in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

/**
 * Splits a command line into words as a POSIX shell would (single quotes literal, double quotes with \\
 * escapes, backslash outside quotes), without expansion. Returns undefined for an unterminated quote.
 */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text.charAt(j) !== '"'; j += 1) {
        if (text.charAt(j) === '\\' && /["\\$`]/.test(text.charAt(j + 1))) j += 1;
        word += text.charAt(j);
      }
      if (j >= text.length) return undefined;
      inWord = true;
      i = j;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text.charAt(i + 1);
      inWord = true;
      i += 1;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Words back into one command line that splitShellWords reads the same way. */
export const joinShellWords = (words: readonly string[]): string => words.map(shellQuote).join(' ');
