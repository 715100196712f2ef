import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../host/errors';
import type { DependsOnConfig } from '../model';
import { engineCall, sleep } from './context';

export interface WaitOptions {
  signal: AbortSignal;
  /** How long to wait for a dependency to become healthy / to complete. */
  timeoutMs: number;
  pollMs?: number;
  /** Called with a short status while waiting ("Waiting for db to be healthy"). */
  onWait?: (detail: string) => void;
}

const lastHealthLog = (state: Dockerode.ContainerInspectInfo['State']): string => {
  const log = (state.Health as { Log?: { Output?: string; ExitCode?: number }[] } | undefined)?.Log ?? [];
  const last = log[log.length - 1];
  return last ? `exit ${last.ExitCode ?? '?'}: ${(last.Output ?? '').trim().slice(0, 500) || '(no output)'}` : 'no check has run yet';
};

/**
 * Waits until `dependency`'s containers satisfy `condition`, like compose before it starts a dependent:
 * service_healthy polls the health status (fails at `unhealthy`, naming the last check's output);
 * service_completed_successfully waits for the exit and fails on a non-zero code.
 */
export async function waitForCondition(
  docker: Dockerode,
  dependency: string,
  containerIds: string[],
  condition: DependsOnConfig['condition'],
  options: WaitOptions,
): Promise<'started' | 'healthy' | 'completed'> {
  if (condition === 'service_started') return 'started';
  const deadline = Date.now() + options.timeoutMs;
  const pending = new Set(containerIds);
  options.onWait?.(condition === 'service_healthy' ? `Waiting for ${dependency} to be healthy` : `Waiting for ${dependency} to complete`);
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const info = await engineCall('inspect', `container of ${dependency}`, () => docker.getContainer(id).inspect());
      const name = info.Name.replace(/^\//, '');
      const state = info.State;
      if (condition === 'service_healthy') {
        if (!state.Health) {
          throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service "${dependency}" has no healthcheck, but a service depends on it with condition service_healthy. Add a healthcheck to "${dependency}" or use service_started.`, { service: dependency });
        }
        if (state.Health.Status === 'healthy') pending.delete(id);
        else if (state.Health.Status === 'unhealthy') {
          throw new BerthError(ErrorCode.ENGINE_ERROR, `Dependency "${dependency}" is unhealthy (container ${name}; last check ${lastHealthLog(state)}). Fix its healthcheck or the service, then run up again.`, { service: dependency, container: name });
        } else if (!state.Running) {
          throw new BerthError(ErrorCode.ENGINE_ERROR, `Dependency "${dependency}" exited with code ${state.ExitCode} before it became healthy (container ${name}). See its logs.`, { service: dependency, container: name, exitCode: state.ExitCode });
        }
      } else if (!state.Running && !state.Restarting && state.Status !== 'created') {
        if (state.ExitCode !== 0) {
          throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${dependency}" didn't complete successfully: exit ${state.ExitCode} (container ${name}). See its logs.`, { service: dependency, container: name, exitCode: state.ExitCode });
        }
        pending.delete(id);
      }
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      const what = condition === 'service_healthy' ? 'become healthy' : 'complete';
      throw new BerthError(ErrorCode.TIMEOUT, `Dependency "${dependency}" did not ${what} within ${Math.round(options.timeoutMs / 1000)} s. Check its logs and healthcheck, then run up again.`, { service: dependency });
    }
    await sleep(options.pollMs ?? 250, options.signal);
  }
  return condition === 'service_healthy' ? 'healthy' : 'completed';
}

/**
 * `up --wait`: until every container of `service` runs, and is healthy when it has a healthcheck. A one-shot
 * service (`completes`: another service waits for it to complete) may instead have exited with code 0.
 */
export async function waitUntilReady(
  docker: Dockerode,
  service: string,
  containerIds: string[],
  options: WaitOptions & { completes: boolean },
): Promise<'healthy' | 'running' | 'completed'> {
  const deadline = Date.now() + options.timeoutMs;
  const pending = new Set(containerIds);
  let outcome: 'healthy' | 'running' | 'completed' = 'running';
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const info = await engineCall('inspect', `container of ${service}`, () => docker.getContainer(id).inspect());
      const name = info.Name.replace(/^\//, '');
      const state = info.State;
      if (!state.Running && !state.Restarting && state.Status !== 'created') {
        if (options.completes && state.ExitCode === 0) {
          pending.delete(id);
          outcome = 'completed';
          continue;
        }
        throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${service}" exited with code ${state.ExitCode} (container ${name}) while up waited for it to run. See its logs.`, { service, container: name, exitCode: state.ExitCode });
      }
      if (state.Health?.Status === 'unhealthy') {
        throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${service}" is unhealthy (container ${name}; last check ${lastHealthLog(state)}).`, { service, container: name });
      }
      if (state.Running && !state.Restarting && (!state.Health || state.Health.Status === 'healthy')) {
        pending.delete(id);
        if (state.Health) outcome = 'healthy';
      }
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      throw new BerthError(ErrorCode.TIMEOUT, `Service "${service}" was not running${options.completes ? '' : ' and healthy'} within ${Math.round(options.timeoutMs / 1000)} s. Check its logs and healthcheck.`, { service });
    }
    await sleep(options.pollMs ?? 250, options.signal);
  }
  return outcome;
}
