import type { ContainerSpecInput } from '../methods/container-spec';
import type { AuditInput } from './types';

/**
 * The normalized config of a container Berth is about to create (the run dialog's spec, before or after zod
 * defaults). What the spec leaves to the image (user, healthcheck) stays unknown, so those rules stay silent.
 */
export function auditInputFromSpec(spec: Partial<ContainerSpecInput>): AuditInput {
  const test = spec.healthcheck?.test;
  return {
    privileged: spec.privileged === true,
    networkMode: spec.network,
    mounts: (spec.volumes ?? []).map((v) => ({ type: v.type, source: v.source ?? '', target: v.target, readOnly: v.readOnly === true })),
    capAdd: spec.capAdd ?? [],
    capDrop: spec.capDrop ?? [],
    // The create spec has no security options: the engine's defaults apply (no no-new-privileges).
    securityOpt: [],
    memory: spec.memory ?? 0,
    cpus: spec.cpus ?? 0,
    pidsLimit: spec.pidsLimit ?? 0,
    user: spec.user,
    healthcheck: test === undefined ? undefined : test[0] === 'NONE' ? 'disabled' : 'set',
    readOnlyRootfs: spec.readOnlyRootfs === true,
    ports: (spec.ports ?? []).map((p) => ({ hostIp: p.hostIp ?? '', hostPort: p.hostPort, containerPort: p.containerPort, protocol: p.protocol ?? 'tcp' })),
    restartPolicy: spec.restartPolicy,
    devices: [],
    autoRemove: spec.autoRemove === true,
  };
}
