import { z } from 'zod';
import type { StackDetails, StackPreview, StackSummary, TaskRef } from '../dto';
import { def } from './define';

/** A stack as `docker stack` names it (any stack on the swarm, the CLI's included). */
const stackName = z
  .string()
  .min(1, 'A stack name is required')
  .max(63, 'A stack name has at most 63 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid stack name');

/**
 * The name of a stack Berth deploys: it prefixes every object (`<stack>_<name>`) and is the compose project name
 * the file is loaded with, so compose's rule applies: lowercase letters, digits, "-" and "_".
 */
export const deployStackName = z
  .string()
  .min(1, 'A stack name is required')
  .max(63, 'A stack name has at most 63 characters')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'A stack name has lowercase letters, digits, "-" and "_" only, and starts with a letter or digit');

const hostPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p)), 'The path must be absolute');

/**
 * Where the stack file comes from: its text (relative `file:` paths resolve from `workingDir` when given), or
 * files in a folder. `env` is the environment `${VAR}` interpolation sees (the backend's own is never used).
 */
export const stackSource = z
  .object({
    content: z.string().min(1, 'The stack file is empty').max(2_000_000).optional(),
    files: z.array(hostPath).max(32).optional(),
    workingDir: hostPath.optional(),
    /** `--env-file`s: they replace `workingDir/.env`; `env` wins over them (as compose does). */
    envFiles: z.array(hostPath).max(16).optional(),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Not a variable name'), z.string().max(100_000)).optional(),
  })
  .strict()
  .refine((s) => s.content !== undefined || (s.files?.length ?? 0) > 0 || s.workingDir !== undefined, {
    message: 'Give the stack file text, or the files or folder to read it from',
    path: ['content'],
  });

/** Reading host files (a folder, file: secrets next to it) is admin-level, as in compose. */
const readsHost = (p: { source: { files?: string[] | undefined; workingDir?: string | undefined; envFiles?: string[] | undefined } }) =>
  p.source.workingDir !== undefined || (p.source.files?.length ?? 0) > 0 || (p.source.envFiles?.length ?? 0) > 0;

export const stacksMethods = {
  /** The live list (`stacks.changed`): every stack on this swarm, Berth's and the CLI's; [] outside a swarm. */
  'stacks.list': def<StackSummary[]>()(z.object({}).strict(), 'read'),
  'stacks.inspect': def<StackDetails>()(z.object({ name: stackName }).strict(), 'read'),
  /** Loads the file like compose does and answers what a deploy would do; INVALID_ARGUMENT with file:line problems. */
  'stacks.preview': def<StackPreview>()(z.object({ name: deployStackName, source: stackSource }).strict(), 'operate', {
    adminWhen: readsHost,
  }),
  /**
   * A task: networks, secrets, configs, then services `<stack>_<svc>` (created, or updated in place keeping their
   * IDs). `prune` removes the stack's services the file no longer has. Images are used as written (never resolved
   * through a registry).
   */
  'stacks.deploy': def<TaskRef & { name: string }>()(
    z.object({ name: deployStackName, source: stackSource, prune: z.boolean().default(false) }).strict(),
    'operate',
    { adminWhen: readsHost },
  ),
  /** A task: services, then secrets, configs and networks of the stack. */
  'stacks.remove': def<TaskRef>()(z.object({ name: stackName }).strict(), 'operate'),
} as const;
