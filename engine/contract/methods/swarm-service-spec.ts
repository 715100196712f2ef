import { z } from 'zod';
import { healthcheckSpec, imageReference, mountSpec } from './container-spec';

/** A swarm service as the create/edit form describes it; the service maps it to the engine's ServiceSpec. */

const name = (what: string) =>
  z
    .string()
    .min(1, `A ${what} name is required`)
    .max(63, `A ${what} name has at most 63 characters`)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, `Use letters, digits, "_", "." and "-" in a ${what} name`);

export const swarmServiceName = name('service');
const labelMap = z.record(z.string().min(1).max(1024), z.string().max(4096));
const seconds = z.number().min(0).max(86_400);
const port = z.number().int().min(1, 'Ports are 1 to 65535').max(65535, 'Ports are 1 to 65535');

export const servicePortSpec = z
  .object({
    target: port,
    /** Absent with mode 'ingress': the swarm picks one (30000+). */
    published: port.optional(),
    protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
    mode: z.enum(['ingress', 'host']).default('ingress'),
  })
  .strict();

const updateConfig = z
  .object({
    parallelism: z.number().int().min(0).max(1000).default(1),
    delaySeconds: seconds.default(0),
    failureAction: z.enum(['pause', 'continue', 'rollback']).default('pause'),
    monitorSeconds: seconds.optional(),
    maxFailureRatio: z.number().min(0).max(1).optional(),
    order: z.enum(['stop-first', 'start-first']).default('stop-first'),
  })
  .strict();

const resources = z
  .object({
    /** CPUs, e.g. 0.5. */
    cpus: z.number().min(0.001).max(1024).optional(),
    memoryBytes: z.number().int().min(4 * 1024 * 1024, 'At least 4 MB of memory').optional(),
  })
  .strict();

/** Where a secret or config appears in the task's containers. */
const fileTarget = {
  /** File name (secrets: under /run/secrets) or absolute path (configs); defaults to the name. */
  target: z.string().min(1).max(4096).optional(),
  uid: z.string().max(32).optional(),
  gid: z.string().max(32).optional(),
  /** File mode, e.g. 0o444. */
  mode: z.number().int().min(0).max(0o777).optional(),
};
const secretRef = z.object({ secret: name('secret'), ...fileTarget }).strict();
const configRef = z.object({ config: name('config'), ...fileTarget }).strict();

export const swarmServiceSpecSchema = z
  .object({
    name: swarmServiceName,
    image: imageReference,
    mode: z.enum(['replicated', 'global']).default('replicated'),
    replicas: z.number().int().min(0).max(10_000).default(1),
    /** Replaces the image's entrypoint / command. */
    entrypoint: z.array(z.string().max(65_536)).max(1000).optional(),
    command: z.array(z.string().max(65_536)).max(1000).optional(),
    env: z
      .array(z.string().max(65_536).regex(/^[^=]+=/, 'Environment entries are KEY=VALUE'))
      .max(1000)
      .default([]),
    workdir: z.string().max(4096).optional(),
    user: z.string().max(256).optional(),
    hostname: z.string().max(253).optional(),
    /** Service labels (com.docker.stack.namespace is one). */
    labels: labelMap.default({}),
    /** Labels of the containers the tasks run. */
    containerLabels: labelMap.default({}),
    ports: z.array(servicePortSpec).max(1000).default([]),
    mounts: z.array(mountSpec).max(100).default([]),
    networks: z
      .array(z.object({ target: name('network'), aliases: z.array(z.string().min(1).max(255)).max(32).optional() }).strict())
      .max(32)
      .default([]),
    /** Placement constraints, e.g. "node.role==manager", "node.labels.zone!=b". */
    constraints: z
      .array(z.string().regex(/^[a-zA-Z0-9_.-]+\s*(==|!=)\s*\S.*$/, 'A constraint is like node.role==manager'))
      .max(100)
      .default([]),
    /** Spread over the values of a node label, e.g. "node.labels.zone". */
    preferences: z.array(z.object({ spread: z.string().min(1).max(256) }).strict()).max(10).default([]),
    maxReplicasPerNode: z.number().int().min(0).max(10_000).optional(),
    limits: resources.optional(),
    reservations: resources.optional(),
    restartPolicy: z
      .object({
        condition: z.enum(['none', 'on-failure', 'any']).default('any'),
        delaySeconds: seconds.optional(),
        maxAttempts: z.number().int().min(0).max(10_000).optional(),
        windowSeconds: seconds.optional(),
      })
      .strict()
      .optional(),
    updateConfig: updateConfig.optional(),
    rollbackConfig: updateConfig.optional(),
    healthcheck: healthcheckSpec.optional(),
    secrets: z.array(secretRef).max(100).default([]),
    configs: z.array(configRef).max(100).default([]),
  })
  .strict();

export type SwarmServiceSpec = z.output<typeof swarmServiceSpecSchema>;
export type SwarmServiceSpecInput = z.input<typeof swarmServiceSpecSchema>;
