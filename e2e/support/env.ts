import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `url` signs a browser in with the API token (every spec may use it); `loginUrl` is the one-time link
 * `berth web` printed (only the spec about it may use it, once).
 */
export function e2eEnv(): {
  url: string;
  loginUrl: string;
  origin: string;
  token: string;
  dockerHost: string;
} {
  const {
    BERTH_E2E_URL: url,
    BERTH_E2E_LOGIN_URL: loginUrl,
    BERTH_E2E_ORIGIN: origin,
    BERTH_E2E_TOKEN: token,
    BERTH_E2E_DOCKER_HOST: dockerHost,
  } = process.env;
  if (!url || !loginUrl || !origin || !token || !dockerHost) throw new Error('e2e global setup did not run');
  return { url, loginUrl, origin, token, dockerHost };
}

/** The docker CLI against the test engine, as a user would type it. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', ['-H', e2eEnv().dockerHost, ...args], { timeout: 60_000 });
  return stdout.trim();
}
