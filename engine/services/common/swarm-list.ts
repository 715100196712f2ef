import type Dockerode from 'dockerode';
import { engineRequest, type EngineRequest } from './swarm-api';
import { mapSwarmError, type SwarmErrorContext } from './swarm-errors';
import { isNotManager } from './swarm-manager';

export { isNotManager };

/** A swarm list call: [] when this engine is not a manager (the status says why), else the items. */
export async function managerList<T>(docker: Dockerode, r: EngineRequest, what: string): Promise<T[]> {
  try {
    return (await engineRequest<T[] | null>(docker, r)) ?? [];
  } catch (err) {
    if (isNotManager(err)) return [];
    throw mapSwarmError(err, { action: 'list', object: what });
  }
}

/** A swarm call with its errors mapped (not a manager, conflicts, refused specs). */
export async function swarmCall<T>(docker: Dockerode, r: EngineRequest, ctx: SwarmErrorContext): Promise<T> {
  try {
    return await engineRequest<T>(docker, r);
  } catch (err) {
    throw mapSwarmError(err, ctx);
  }
}

export const filters = (f: Record<string, string[]>) => JSON.stringify(f);
