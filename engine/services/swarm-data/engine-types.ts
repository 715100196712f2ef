import type Dockerode from 'dockerode';
import type { SwarmDataKind } from '../../contract';

/** A secret or config as GET /secrets and GET /configs return it (Data only on a config). */
export interface EngineDataObject {
  ID: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec: { Name: string; Labels?: Record<string, string> | null; Data?: string; Driver?: { Name?: string } | null };
}

/** The part of a service that says which secrets and configs its tasks mount. */
export interface EngineServiceRefs {
  ID: string;
  Spec: {
    Name: string;
    TaskTemplate?: { ContainerSpec?: { Secrets?: { SecretID?: string }[] | null; Configs?: { ConfigID?: string }[] | null } };
  };
}

/**
 * The engine calls for one kind, through dockerode. dockerode resolves lists and inspects with the engine's
 * JSON as it is (its typings say otherwise), hence the casts in one place.
 */
export interface DataApi {
  list(docker: Dockerode, filters?: Record<string, string[]>): Promise<EngineDataObject[]>;
  inspect(docker: Dockerode, id: string): Promise<EngineDataObject>;
  create(docker: Dockerode, spec: { Name: string; Labels: Record<string, string>; Data: string }): Promise<string>;
  remove(docker: Dockerode, id: string): Promise<void>;
  /** The IDs of this kind a service mounts. */
  refsOf(service: EngineServiceRefs): string[];
}

const asList = (v: unknown) => (Array.isArray(v) ? (v as EngineDataObject[]) : []);
const opts = (filters?: Record<string, string[]>) => (filters ? { filters: JSON.stringify(filters) } : {});

export const dataApi: Record<SwarmDataKind, DataApi> = {
  secret: {
    list: async (d, f) => asList(await d.listSecrets(opts(f))),
    inspect: async (d, id) => (await d.getSecret(id).inspect()) as unknown as EngineDataObject,
    create: async (d, spec) => ((await d.createSecret(spec)) as { id: string }).id,
    remove: async (d, id) => void (await d.getSecret(id).remove()),
    refsOf: (s) => (s.Spec.TaskTemplate?.ContainerSpec?.Secrets ?? []).flatMap((r) => (r.SecretID ? [r.SecretID] : [])),
  },
  config: {
    list: async (d, f) => asList(await d.listConfigs(opts(f))),
    inspect: async (d, id) => (await d.getConfig(id).inspect()) as unknown as EngineDataObject,
    create: async (d, spec) => ((await d.createConfig(spec)) as { id: string }).id,
    remove: async (d, id) => void (await d.getConfig(id).remove()),
    refsOf: (s) => (s.Spec.TaskTemplate?.ContainerSpec?.Configs ?? []).flatMap((r) => (r.ConfigID ? [r.ConfigID] : [])),
  },
};

/** Every service, for "used by" (one list; empty when this engine cannot answer). */
export async function listServiceRefs(docker: Dockerode): Promise<EngineServiceRefs[]> {
  const v: unknown = await docker.listServices();
  return Array.isArray(v) ? (v as EngineServiceRefs[]) : [];
}
