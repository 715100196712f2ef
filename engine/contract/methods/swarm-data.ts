import { z } from 'zod';
import type { SwarmConfig, SwarmConfigDetails, SwarmSecret, TransferTicket } from '../dto';
import { def, none, objectRef } from './define';

/** The engine refuses data of 500 KiB or more (swarmkit's MaxSecretSize / MaxConfigSize) and empty data. */
export const SWARM_DATA_MAX_BYTES = 500 * 1024 - 1;

/** swarmkit's rule for secret and config names: letters, digits, '-', '_', '.', starting and ending with a letter or digit. */
export const swarmDataName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `A ${what} name is required`)
    .max(64, `A ${what} name has at most 64 characters`)
    .regex(
      /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/,
      `A ${what} name uses letters, digits, '-', '_' and '.', and starts and ends with a letter or digit`,
    );

const labels = z.record(z.string().min(1).max(1024), z.string().max(4096)).default({});
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
/** Typed text; named `content` so the audit log keeps only its length. */
const content = (what: string) =>
  z
    .string()
    .min(1, `The ${what} needs some content`)
    .refine((s) => utf8Bytes(s) <= SWARM_DATA_MAX_BYTES, `The ${what} is too large: the engine takes less than 500 KiB`);
const uploadSize = z
  .number()
  .int()
  .min(1, 'The file is empty')
  .max(SWARM_DATA_MAX_BYTES, 'The file is too large: the engine takes less than 500 KiB')
  .optional();

const secretRef = objectRef('secret');
const configRef = objectRef('config');
const secretName = swarmDataName('secret');
const configName = swarmDataName('config');

/** Swarm secrets: metadata only, ever (the Engine API never returns a secret's data). Lists are [] when not a manager. */
export const secretsMethods = {
  'secrets.list': def<SwarmSecret[]>()(none, 'read'),
  'secrets.inspect': def<SwarmSecret>()(z.object({ id: secretRef }).strict(), 'read'),
  /** A secret from typed text. */
  'secrets.create': def<SwarmSecret>()(
    z.object({ name: secretName, labels, content: content('secret') }).strict(),
    'operate',
  ),
  /** An upload link for a file that becomes the secret; the upload's answer is the SwarmSecret. */
  'secrets.createUpload': def<TransferTicket>()(
    z.object({ name: secretName, labels, size: uploadSize }).strict(),
    'operate',
  ),
  /** Refused (naming the services) while a service uses it. */
  'secrets.remove': def<void>()(z.object({ id: secretRef }).strict(), 'operate'),
} as const;

/** Swarm configs: like secrets, but their content is readable (configs.inspect returns it). */
export const configsMethods = {
  'configs.list': def<SwarmConfig[]>()(none, 'read'),
  'configs.inspect': def<SwarmConfigDetails>()(z.object({ id: configRef }).strict(), 'read'),
  'configs.create': def<SwarmConfig>()(
    z.object({ name: configName, labels, content: content('config') }).strict(),
    'operate',
  ),
  'configs.createUpload': def<TransferTicket>()(
    z.object({ name: configName, labels, size: uploadSize }).strict(),
    'operate',
  ),
  'configs.remove': def<void>()(z.object({ id: configRef }).strict(), 'operate'),
} as const;
