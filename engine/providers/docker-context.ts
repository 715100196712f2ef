import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { EngineCandidate } from '../contract';
import type { DiscoveryEnv } from './types';

/** The Docker CLI's config dir: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(denv: DiscoveryEnv): string {
  return denv.env.DOCKER_CONFIG || posix.join(denv.homeDir, '.docker');
}

/** Plain tcp:// with no TLS: the Docker API is root-equivalent, so the UI must warn about it. */
export function isPlainTcp(endpoint: string): boolean {
  return /^(tcp|http):\/\//i.test(endpoint);
}

/** DOCKER_HOST with the TLS settings the Docker CLI reads next to it. */
export function dockerHostCandidate(denv: DiscoveryEnv): EngineCandidate | undefined {
  const host = denv.env.DOCKER_HOST?.trim();
  if (!host) return undefined;
  const candidate: EngineCandidate = {
    id: 'docker-host',
    source: 'docker-host',
    label: 'DOCKER_HOST',
    endpoint: host,
    embedded: false,
  };
  const verify = Boolean(denv.env.DOCKER_TLS_VERIFY);
  const tlsWanted = verify || Boolean(denv.env.DOCKER_TLS) || Boolean(denv.env.DOCKER_CERT_PATH);
  if (/^(tcp|https):\/\//i.test(host) && tlsWanted) {
    const certDir = denv.env.DOCKER_CERT_PATH || dockerConfigDir(denv);
    candidate.tls = {
      ca: posix.join(certDir, 'ca.pem'),
      cert: posix.join(certDir, 'cert.pem'),
      key: posix.join(certDir, 'key.pem'),
      verify,
    };
  } else if (isPlainTcp(host)) {
    candidate.insecure = true;
  }
  return candidate;
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

async function currentContextName(denv: DiscoveryEnv, configDir: string): Promise<string | undefined> {
  const fromEnv = denv.env.DOCKER_CONTEXT?.trim();
  if (fromEnv) return fromEnv;
  const raw = await denv.readFile(posix.join(configDir, 'config.json'));
  if (!raw) return undefined;
  try {
    const config = JSON.parse(raw) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext ? config.currentContext : undefined;
  } catch {
    // A broken config.json makes the CLI fail too; discovery just skips the context.
    return undefined;
  }
}

/**
 * The current Docker context (DOCKER_CONTEXT, else config.json's currentContext), read the way the Docker CLI
 * stores it: contexts/meta/<sha256(name)>/meta.json and contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem.
 * 'default' means "no override" (DOCKER_HOST or the default socket), so it yields nothing.
 */
export async function dockerContextCandidate(denv: DiscoveryEnv): Promise<EngineCandidate | undefined> {
  const configDir = dockerConfigDir(denv);
  const name = await currentContextName(denv, configDir);
  if (!name || name === 'default') return undefined;
  const digest = createHash('sha256').update(name).digest('hex');
  const raw = await denv.readFile(posix.join(configDir, 'contexts', 'meta', digest, 'meta.json'));
  if (!raw) return undefined;
  let meta: ContextMeta;
  try {
    meta = JSON.parse(raw) as ContextMeta;
  } catch {
    return undefined;
  }
  const docker = meta.Endpoints?.docker;
  const host = typeof docker?.Host === 'string' ? docker.Host.trim() : '';
  if (!host) return undefined;
  const candidate: EngineCandidate = {
    id: `docker-context:${name}`,
    source: 'docker-context',
    label: `Docker context '${name}'`,
    endpoint: host,
    embedded: false,
  };
  const tlsDir = posix.join(configDir, 'contexts', 'tls', digest, 'docker');
  const files = new Set(await denv.readDir(tlsDir));
  const tlsFile = (file: string) => (files.has(`${file}.pem`) ? posix.join(tlsDir, `${file}.pem`) : undefined);
  const skipVerify = docker?.SkipTLSVerify === true;
  const ca = tlsFile('ca');
  const cert = tlsFile('cert');
  const key = tlsFile('key');
  if (/^(tcp|https):\/\//i.test(host) && (ca || cert || key || skipVerify)) {
    candidate.tls = {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      verify: !skipVerify,
    };
  } else if (isPlainTcp(host)) {
    candidate.insecure = true;
  }
  return candidate;
}
