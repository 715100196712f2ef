import type Dockerode from 'dockerode';
import type { EngineCandidate, EngineVersion } from '../contract';
import { createDockerClient } from '../docker/client';
import { mapDockerError } from '../docker/errors';
import { toEngineVersion } from '../services/engine/engine-connection';

/** version() takes an abort signal at run time, but @types/dockerode does not declare it. */
interface AbortableVersion {
  version(opts: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
}

/**
 * One GET /version against a candidate, bounded in time, without opening the event stream the backend would:
 * `berth engine status` only asks whether the engine answers and what it is. Throws a mapped BerthError.
 */
export async function probeEngine(candidate: EngineCandidate, timeoutMs = 5_000): Promise<EngineVersion> {
  try {
    const docker = createDockerClient(candidate) as unknown as AbortableVersion;
    return toEngineVersion(await docker.version({ abortSignal: AbortSignal.timeout(timeoutMs) }));
  } catch (err) {
    throw mapDockerError(err, { object: `the engine at ${candidate.endpoint}` });
  }
}
