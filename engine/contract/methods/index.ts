import type { z } from 'zod';
import { accountsMethods } from './accounts';
import { composeMethods } from './compose';
import { clusterMethods } from './cluster';
import { containerDetailMethods } from './container-details';
import { containerMethods } from './containers';
import type { MethodDef } from './define';
import { engineMethods } from './engine';
import { imagesMethods } from './images';
import { networksMethods } from './networks';
import { registriesMethods } from './registries';
import { nodesMethods, servicesMethods, swarmMethods, swarmTasksMethods } from './swarm';
import { stacksMethods } from './stacks';
import { securityMethods } from './security';
import { configsMethods, secretsMethods } from './swarm-data';
import { systemMethods } from './system';
import { taskMethods } from './tasks';
import { templatesMethods } from './templates';
import { volumesMethods } from './volumes';
import { auditMethods } from './audit';
import { engineAuditMethods } from './engine-audit';
import { imageTrustMethods } from './image-trust';

export { containerRef, def, none, objectRef, type Access, type MethodDef } from './define';
export * from './container-spec';
export * from './swarm-service-spec';
export { SWARM_DATA_MAX_BYTES, swarmDataName } from './swarm-data';
export type { RegistryDraft } from './registries';
export { deployStackName } from './stacks';
export { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './accounts';

/** Every method any host may call. One file per domain; this map is their union. */
export const methods = {
  ...engineMethods,
  ...containerMethods,
  ...containerDetailMethods,
  ...imagesMethods,
  ...volumesMethods,
  ...networksMethods,
  ...systemMethods,
  ...taskMethods,
  ...composeMethods,
  ...registriesMethods,
  ...templatesMethods,
  ...swarmMethods,
  ...nodesMethods,
  ...servicesMethods,
  ...swarmTasksMethods,
  ...secretsMethods,
  ...configsMethods,
  ...clusterMethods,
  ...stacksMethods,
  ...auditMethods,
  ...engineAuditMethods,
  ...imageTrustMethods,
  ...securityMethods,
  ...accountsMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** The input after validation and defaults: what a service handler receives. */
export type MethodParams<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
