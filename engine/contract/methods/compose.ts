import { z } from 'zod';
import type {
  ComposeBrowseResult,
  ComposeConfigResult,
  ComposeEnvFile,
  ComposeFileContent,
  ComposeProjectDetail,
  ComposeProjectSummary,
  ComposeValidationProblem,
  ContainerSummary,
  TaskRef,
} from '../dto';
import { def } from './define';

/** A host path (on the machine the backend runs on). Absolute; no NUL bytes. */
const hostPath = z
  .string()
  .min(1, 'A path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL bytes')
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p), 'The path must be absolute');

/** compose's project-name rule: lowercase letters, digits, dashes and underscores, starting with a letter/digit. */
export const composeProjectName = z
  .string()
  .min(1, 'A project name is required')
  .max(200)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'A project name has lowercase letters, digits, "-" and "_" only');

export const composeServiceName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Not a valid service name');

export const composeSource = z
  .object({
    files: z.array(hostPath).max(32).default([]),
    workingDir: hostPath,
    projectName: composeProjectName.optional(),
    envFiles: z.array(hostPath).max(16).optional(),
    profiles: z.array(z.string().min(1).max(200)).max(64).optional(),
  })
  .strict();

const services = z.array(composeServiceName).max(500).optional();
const byName = z.object({ name: composeProjectName, services }).strict();
const timeoutSeconds = z.number().int().min(0).max(3600).optional();
const pullPolicy = z.enum(['missing', 'always', 'never']);

const downOptions = {
  /** Also remove the project's named volumes (data in them is lost). */
  volumes: z.boolean().optional(),
  removeOrphans: z.boolean().optional(),
  rmi: z.enum(['local', 'all']).optional(),
  timeoutSeconds,
};

/** Reading host files is admin-level (docs/adr/0009-web-credentials-and-access.md) but changes nothing: not audited. */
const READS_HOST = { mutates: false } as const;

export const composeMethods = {
  /** Every project seen in container labels (Berth's and the CLI's) plus the projects Berth opened. */
  'compose.projects.list': def<ComposeProjectSummary[]>()(z.object({}).strict(), 'read'),
  'compose.projects.get': def<ComposeProjectDetail>()(
    z.object({ name: composeProjectName }).strict(),
    'read',
  ),
  /** Opens a project from its files: remembered in Berth's store so it is listed before it has containers. */
  'compose.projects.open': def<ComposeProjectSummary>()(
    z.object({ source: composeSource }).strict(),
    'admin',
  ),
  /** Forgets a project Berth opened (its containers, if any, stay and keep being listed). */
  'compose.projects.forget': def<void>()(z.object({ name: composeProjectName }).strict(), 'operate'),

  /** The resolved model. INVALID_ARGUMENT with details.problems: ComposeProblem[] when the files are invalid. */
  'compose.config': def<ComposeConfigResult>()(
    z.object({ source: composeSource }).strict(),
    'admin',
    READS_HOST,
  ),
  /** The services the given ones depend on (depends_on, transitively), without themselves: what `run` starts first. */
  'compose.dependencies': def<string[]>()(
    z.object({ source: composeSource, services: z.array(composeServiceName).min(1).max(500) }).strict(),
    'admin',
    READS_HOST,
  ),
  /** Problems of unsaved editor text (schema, interpolation, references); never throws for invalid text. */
  'compose.validate': def<{ problems: ComposeValidationProblem[] }>()(
    z
      .object({
        content: z.string().max(2_000_000),
        fileName: z.string().max(255).optional(),
        workingDir: hostPath.optional(),
      })
      .strict(),
    'read',
    // Resolving env_file/.env from a folder reads the host: admin; text alone is harmless.
    { adminWhen: (p) => p.workingDir !== undefined },
  ),

  'compose.files.read': def<ComposeFileContent>()(z.object({ path: hostPath }).strict(), 'admin', READS_HOST),
  /** Atomic write; CONFLICT when the file changed on disk since expectedMtime. */
  'compose.files.write': def<{ mtime: number }>()(
    z
      .object({ path: hostPath, content: z.string().max(2_000_000), expectedMtime: z.number().optional() })
      .strict(),
    'admin',
  ),
  /** Host folders for the open-folder picker (web mode); default: the user's home. */
  'compose.files.browse': def<ComposeBrowseResult>()(
    z.object({ path: hostPath.optional(), showHidden: z.boolean().optional() }).strict(),
    'admin',
    READS_HOST,
  ),
  'compose.env.read': def<ComposeEnvFile>()(z.object({ workingDir: hostPath }).strict(), 'admin', READS_HOST),
  'compose.env.write': def<{ mtime: number }>()(
    z
      .object({
        workingDir: hostPath,
        content: z.string().max(1_000_000),
        expectedMtime: z.number().optional(),
      })
      .strict(),
    'admin',
  ),

  /** A task with one step per service: waiting → creating → starting → healthy/started/exited(0) | failed. */
  'compose.up': def<TaskRef>()(
    z
      .object({
        source: composeSource,
        services,
        detach: z.literal(true).default(true),
        removeOrphans: z.boolean().optional(),
        forceRecreate: z.boolean().optional(),
        noRecreate: z.boolean().optional(),
        /** Build images of services with a build section before starting (compose's --build). */
        build: z.boolean().optional(),
        pull: pullPolicy.optional(),
        /** Create containers without starting them (compose's --no-start). */
        noStart: z.boolean().optional(),
        timeoutSeconds,
        /** Wait until services run, healthy when they have a healthcheck (compose's --wait). */
        wait: z.boolean().optional(),
        /** How long --wait and depends_on conditions wait, in seconds (compose's --wait-timeout). */
        waitTimeoutSeconds: z.number().int().min(1).max(86_400).optional(),
      })
      .strict(),
    'operate',
  ),
  /** Stops and removes the project's containers and networks (found by labels; files optional). */
  'compose.down': def<TaskRef>()(
    // By name: containers found by labels (works for projects the CLI started); by source: from the files.
    z.union([
      z.object({ name: composeProjectName, ...downOptions }).strict(),
      z.object({ source: composeSource, ...downOptions }).strict(),
    ]),
    'operate',
  ),
  'compose.start': def<TaskRef>()(byName, 'operate'),
  'compose.stop': def<TaskRef>()(byName.extend({ timeoutSeconds }), 'operate'),
  'compose.restart': def<TaskRef>()(byName.extend({ timeoutSeconds }), 'operate'),
  'compose.pause': def<TaskRef>()(byName, 'operate'),
  'compose.unpause': def<TaskRef>()(byName, 'operate'),
  /** Needs the project's files (the model gives the container config); works for projects Berth knows. */
  'compose.scale': def<TaskRef>()(
    z
      .object({
        name: composeProjectName,
        service: composeServiceName,
        replicas: z.number().int().min(0).max(100),
      })
      .strict(),
    'operate',
  ),
  'compose.pull': def<TaskRef>()(z.object({ source: composeSource, services }).strict(), 'operate'),
  'compose.build': def<TaskRef>()(
    z.object({ source: composeSource, services, noCache: z.boolean().optional() }).strict(),
    'operate',
  ),
  'compose.ps': def<ContainerSummary[]>()(
    z.object({ name: composeProjectName, all: z.boolean().default(true) }).strict(),
    'read',
  ),
} as const;
