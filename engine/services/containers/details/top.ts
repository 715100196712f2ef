import type Dockerode from 'dockerode';
import { ErrorCode, type ContainerProcesses } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';

/** `docker top`: the engine runs ps on the host for the container's processes (running containers only). */
export async function topProcesses(docker: Dockerode, id: string, psArgs?: string): Promise<ContainerProcesses> {
  let answer: { Titles?: string[]; Processes?: string[][] };
  try {
    answer = (await docker.getContainer(id).top(psArgs ? { ps_args: psArgs } : {})) as typeof answer;
  } catch (err) {
    const mapped = mapDockerError(err, { object: `container ${id}`, action: 'list the processes of' });
    const said = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage ?? '';
    if (/is not running/i.test(said)) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `Container ${id} is not running, so it has no processes. Start it to see them.`,
        mapped.details,
      );
    }
    throw mapped;
  }
  return { titles: answer.Titles ?? [], processes: answer.Processes ?? [] };
}
