import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../base/errors';
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
 * The loop both waits share: inspect every pending container of `service`, let `check` settle it (true),
 * keep it pending (false) or throw; sleep between rounds; a TIMEOUT error from `timeout()` at the deadline.
 */
async function pollContainers(
  docker: Dockerode,
  service: string,
  containerIds: string[],
  options: WaitOptions,
  check: (info: Dockerode.ContainerInspectInfo, name: string) => boolean,
  timeout: () => string,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const pending = new Set(containerIds);
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const info = await engineCall('inspect', `container of ${service}`, () => docker.getContainer(id).inspect());
      if (check(info, info.Name.replace(/^\//, ''))) pending.delete(id);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new BerthError(ErrorCode.TIMEOUT, timeout(), { service });
    await sleep(options.pollMs ?? 250, options.signal);
  }
}

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
  const healthy = condition === 'service_healthy';
  options.onWait?.(healthy ? `Waiting for ${dependency} to be healthy` : `Waiting for ${dependency} to complete`);
  const secs = Math.round(options.timeoutMs / 1000);
  await pollContainers(docker, dependency, containerIds, options, ({ State: state }, name) => {
    if (healthy) {
      if (!state.Health) {
        throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Service "${dependency}" has no healthcheck, but a service depends on it with condition service_healthy. Add a healthcheck to "${dependency}" or use service_started.`, { service: dependency });
      }
      if (state.Health.Status === 'healthy') return true;
      if (state.Health.Status === 'unhealthy') {
        throw new BerthError(ErrorCode.ENGINE_ERROR, `Dependency "${dependency}" is unhealthy (container ${name}; last check ${lastHealthLog(state)}). Fix its healthcheck or the service, then run up again.`, { service: dependency, container: name });
      }
      if (!state.Running) {
        throw new BerthError(ErrorCode.ENGINE_ERROR, `Dependency "${dependency}" exited with code ${state.ExitCode} before it became healthy (container ${name}). See its logs.`, { service: dependency, container: name, exitCode: state.ExitCode });
      }
      return false;
    }
    if (state.Running || state.Restarting || state.Status === 'created') return false;
    if (state.ExitCode !== 0) {
      throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${dependency}" didn't complete successfully: exit ${state.ExitCode} (container ${name}). See its logs.`, { service: dependency, container: name, exitCode: state.ExitCode });
    }
    return true;
  }, () => `Dependency "${dependency}" did not ${healthy ? 'become healthy' : 'complete'} within ${secs} s. Check its logs and healthcheck, then run up again.`);
  return healthy ? 'healthy' : 'completed';
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
  let outcome: 'healthy' | 'running' | 'completed' = 'running';
  await pollContainers(docker, service, containerIds, options, ({ State: state }, name) => {
    if (!state.Running && !state.Restarting && state.Status !== 'created') {
      if (options.completes && state.ExitCode === 0) {
        outcome = 'completed';
        return true;
      }
      throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${service}" exited with code ${state.ExitCode} (container ${name}) while up waited for it to run. See its logs.`, { service, container: name, exitCode: state.ExitCode });
    }
    if (state.Health?.Status === 'unhealthy') {
      throw new BerthError(ErrorCode.ENGINE_ERROR, `Service "${service}" is unhealthy (container ${name}; last check ${lastHealthLog(state)}).`, { service, container: name });
    }
    if (!state.Running || state.Restarting || (state.Health && state.Health.Status !== 'healthy')) return false;
    if (state.Health) outcome = 'healthy';
    return true;
  }, () => `Service "${service}" was not running${options.completes ? '' : ' and healthy'} within ${Math.round(options.timeoutMs / 1000)} s. Check its logs and healthcheck.`);
  return outcome;
}
