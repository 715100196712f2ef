import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DockerLogin {
  /** The key of `auths`: "https://index.docker.io/v1/", "registry.example.com:5000". */
  server: string;
  username: string;
  password: string;
}

export interface DockerConfigLogins {
  logins: DockerLogin[];
  skipped: { host: string; reason: string }[];
}

/** Where the Docker CLI keeps logins: $DOCKER_CONFIG/config.json or ~/.docker/config.json. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json');
}

/**
 * Reads the logins the Docker CLI stored in its config file (read only: Berth never writes it). Logins kept by a
 * credential helper (credsStore, credHelpers) are not in the file; they are listed as skipped with why.
 */
export async function readDockerConfig(path: string): Promise<DockerConfigLogins> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { logins: [], skipped: [] };
    throw err;
  }
  let config: {
    auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
    credsStore?: string;
    credHelpers?: Record<string, string>;
  };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  const logins: DockerLogin[] = [];
  const skipped: { host: string; reason: string }[] = [];
  const helped = new Set(Object.keys(config.credHelpers ?? {}));
  for (const [host, helper] of Object.entries(config.credHelpers ?? {})) {
    skipped.push({
      host,
      reason: `kept by the credential helper docker-credential-${helper}; sign in to it in Berth instead`,
    });
  }
  for (const [server, entry] of Object.entries(config.auths ?? {})) {
    if (helped.has(server)) continue;
    const decoded = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
    const split = decoded.indexOf(':');
    const username = entry.username ?? (split > 0 ? decoded.slice(0, split) : '');
    const password = entry.password ?? (split > 0 ? decoded.slice(split + 1) : '');
    if (username && password) logins.push({ server, username, password });
    else if (entry.identitytoken)
      skipped.push({ host: server, reason: 'signed in with an identity token, which Berth does not import' });
    else if (config.credsStore)
      skipped.push({
        host: server,
        reason: `kept by the credential store docker-credential-${config.credsStore}; sign in to it in Berth instead`,
      });
    else skipped.push({ host: server, reason: 'no user name and password in the file' });
  }
  return { logins, skipped };
}
