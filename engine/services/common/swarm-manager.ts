import { mapDockerError } from '../../docker/errors';

/** An engine that is not a manager answers 503 on swarm lists; for a list that means "nothing to show". */
export function isNotManager(err: unknown): boolean {
  const said = (mapDockerError(err).details as { engineMessage?: string; statusCode?: number } | undefined) ?? {};
  return said.statusCode === 503 || /not a swarm manager|not part of a swarm/i.test(said.engineMessage ?? '');
}
