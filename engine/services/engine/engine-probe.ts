import type Dockerode from 'dockerode';
import { ErrorCode, type EngineCandidate, type EngineVersion } from '../../contract';
import { BerthError } from '../../base/errors';
import { createDockerClient } from '../../docker/client';
import { mapDockerError } from '../../docker/errors';
import { toEngineVersion } from './engine-connection';

/** version() takes an abort signal at run time, but @types/dockerode does not declare it. */
interface AbortableVersion {
  version(opts: { abortSignal: AbortSignal }): Promise<Dockerode.DockerVersion>;
}

/**
 * 'engine.probe': one GET /version against a discovered candidate, bounded in time, without opening the event
 * stream a connection would: `berth engine status` only asks whether the engine answers and what it is.
 * Throws a mapped BerthError.
 */
export async function probeEngine(
  candidates: () => Promise<EngineCandidate[]>,
  id: string,
  timeoutMs = 5_000,
): Promise<EngineVersion> {
  const candidate = (await candidates()).find((c) => c.id === id);
  if (!candidate) throw new BerthError(ErrorCode.NOT_FOUND, `No engine "${id}" was found. List them with engine.candidates.`);
  try {
    const docker = createDockerClient(candidate) as unknown as AbortableVersion;
    return toEngineVersion(await docker.version({ abortSignal: AbortSignal.timeout(timeoutMs) }));
  } catch (err) {
    throw mapDockerError(err, { object: `the engine at ${candidate.endpoint}` });
  }
}
