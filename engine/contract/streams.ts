import { z } from 'zod';
import type {
  ComposeRunChunk,
  ComposeRunInput,
  LogChunk,
  StatsSample,
  TaskLogChunk,
  TerminalChunk,
  TerminalInput,
} from './dto';
import { composeServiceName, composeSource } from './methods/compose';
import { containerRef, type Access } from './methods/index';

/**
 * High-rate subscriptions (logs, stats, terminal). Owned by the component that shows them and disposed on
 * unmount; they never go through the global store. The backend applies backpressure: when a client falls
 * behind it pauses the source or drops with a count (logs report `dropped`).
 */
export interface StreamDef<P extends z.ZodType, C, I> {
  params: P;
  access: Access;
  /** Opening it acts on the engine (a terminal, a one-off): the open is written to the audit log, like a call. */
  mutates: boolean;
  /** Phantom types: chunk sent to the client, input accepted from it. */
  readonly chunk?: C;
  readonly input?: I;
}

const stream =
  <C, I = never>() =>
  <P extends z.ZodType>(params: P, access: Access): StreamDef<P, C, I> => ({
    params,
    access,
    mutates: access !== 'read',
  });

const terminalSize = {
  cols: z.number().int().min(1).max(1000).default(80),
  rows: z.number().int().min(1).max(500).default(24),
};

export const streams = {
  'containers.logs': stream<LogChunk>()(
    z
      .object({
        id: containerRef,
        follow: z.boolean().default(true),
        /** Lines from the end to start with; 'all' for everything. */
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]).default(1000),
        /** Seconds since epoch. */
        since: z.number().int().min(0).optional(),
        timestamps: z.boolean().default(true),
        stdout: z.boolean().default(true),
        stderr: z.boolean().default(true),
      })
      .strict(),
    'read',
  ),
  'containers.stats': stream<StatsSample>()(z.object({ id: containerRef }).strict(), 'read'),
  /** An interactive process in a running container (the Terminal tab). Input: keystrokes and resizes. */
  'containers.exec': stream<TerminalChunk, TerminalInput>()(
    z
      .object({
        id: containerRef,
        /** e.g. ['bash'] or ['sh']; the UI offers a shell picker. */
        cmd: z.array(z.string().min(1).max(4096)).min(1).max(64),
        user: z.string().max(256).optional(),
        workingDir: z.string().max(4096).optional(),
        ...terminalSize,
      })
      .strict(),
    // A shell in a container is as strong as that container, and an admin may have made it privileged or
    // given it the host's files: admin-level (docs/adr/0009-web-credentials-and-access.md).
    'admin',
  ),
  /** Attach to the main process of a container started with a TTY. */
  'containers.attach': stream<TerminalChunk, TerminalInput>()(
    z.object({ id: containerRef, ...terminalSize }).strict(),
    'admin',
  ),
  /** A swarm service's logs merged across its tasks; every line carries `task` and `node` (IDs). */
  'services.logs': stream<LogChunk>()(
    z
      .object({
        id: z
          .string()
          .min(1)
          .max(256)
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid service ID or name'),
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]).default(200),
        follow: z.boolean().default(true),
        timestamps: z.boolean().default(true),
      })
      .strict(),
    'read',
  ),
  /** A compose project's containers' logs merged; every line carries `service` and `container`. */
  'compose.logs': stream<LogChunk>()(
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Not a valid project name'),
        services: z
          .array(
            z
              .string()
              .min(1)
              .max(200)
              .regex(/^[a-zA-Z0-9._-]+$/),
          )
          .max(500)
          .optional(),
        /** Lines from the end of each container's log to start with; 'all' for everything. */
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]).default(200),
        follow: z.boolean().default(true),
        timestamps: z.boolean().default(true),
      })
      .strict(),
    'read',
  ),
  /**
   * `compose run`: a one-off container of a service, attached until it exits (or started detached). Output and
   * the exit code come as chunks; input is the user's keystrokes or piped stdin, its end, and resizes.
   */
  'compose.run': stream<ComposeRunChunk, ComposeRunInput>()(
    z
      .object({
        source: composeSource,
        service: composeServiceName,
        /** Replaces the service's command. */
        command: z.array(z.string().max(65_536)).max(1000).optional(),
        /** Remove the container when it exits. */
        rm: z.boolean().default(false),
        detach: z.boolean().default(false),
        name: z
          .string()
          .min(1)
          .max(256)
          .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid container name')
          .optional(),
        /** KEY=VALUE added to the service's (a bare KEY is resolved by the client, never from the backend's environment). */
        env: z
          .array(
            z
              .string()
              .max(65_536)
              .regex(/^[^=]+=/, 'must be KEY=VALUE'),
          )
          .max(1000)
          .optional(),
        servicePorts: z.boolean().default(false),
        entrypoint: z.array(z.string().max(65_536)).min(1).max(1000).optional(),
        user: z.string().min(1).max(256).optional(),
        workdir: z.string().min(1).max(4096).optional(),
        /** Attach stdin: input chunks reach the process, and 'eof' closes its input. */
        interactive: z.boolean().default(false),
        /** Allocate a terminal of this size (output then comes as one raw stdout). */
        tty: z.object(terminalSize).strict().optional(),
      })
      .strict(),
    'operate',
  ),
  /** A task's log (build output, compose progress lines): what was kept so far, then new lines live. */
  'tasks.log': stream<TaskLogChunk>()(
    z
      .object({
        id: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[a-zA-Z0-9_-]+$/),
      })
      .strict(),
    'read',
  ),
} as const;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamParamsInput<S extends StreamName> = z.input<Streams[S]['params']>;
export type StreamParams<S extends StreamName> = z.output<Streams[S]['params']>;
export type StreamChunk<S extends StreamName> =
  Streams[S] extends StreamDef<z.ZodType, infer C, unknown> ? C : never;
export type StreamInput<S extends StreamName> =
  Streams[S] extends StreamDef<z.ZodType, unknown, infer I> ? I : never;

export const isStreamName = (name: unknown): name is StreamName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(streams, name);
