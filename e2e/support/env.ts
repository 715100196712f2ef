import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function e2eEnv(): { url: string; origin: string; token: string; dockerHost: string } {
  const { BERTH_E2E_URL: url, BERTH_E2E_ORIGIN: origin, BERTH_E2E_TOKEN: token, BERTH_E2E_DOCKER_HOST: dockerHost } =
    process.env;
  if (!url || !origin || !token || !dockerHost) throw new Error('e2e global setup did not run');
  return { url, origin, token, dockerHost };
}

/** The docker CLI against the test engine, as a user would type it. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', ['-H', e2eEnv().dockerHost, ...args], { timeout: 60_000 });
  return stdout.trim();
}
