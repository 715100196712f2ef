import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import Dockerode from 'dockerode';
import { ErrorCode, type EngineCandidate } from '../contract';
import { BerthError } from '../base/errors';
import { knownHostsVerifier } from '../providers/known-hosts';

/** docker-modem accepts these too, but @types/dockerode does not list them. */
type ModemOptions = Dockerode.DockerOptions & { agent?: HttpsAgent; pathPrefix?: string };

/**
 * Builds the dockerode options for a candidate's endpoint. Every connection key is set explicitly (even to
 * undefined) because docker-modem merges DOCKER_HOST/DOCKER_CERT_PATH from the process environment under the
 * options, which would otherwise silently redirect an explicitly chosen engine.
 */
export function dockerOptionsFor(candidate: EngineCandidate): ModemOptions {
  const cleared: ModemOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    username: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
    pathPrefix: '/',
  };
  const endpoint = candidate.endpoint.trim();
  const scheme = /^([a-z]+):\/\//i.exec(endpoint)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'unix': {
      const path = endpoint.slice('unix://'.length);
      if (!path) throw invalid(candidate, 'a unix endpoint needs a socket path');
      return { ...cleared, socketPath: path };
    }
    case 'npipe': {
      // npipe:////./pipe/docker_engine → //./pipe/docker_engine (Docker writes either slash style).
      const pipe = endpoint.slice('npipe://'.length).replace(/\\/g, '/').replace(/^\/*/, '//');
      if (pipe === '//') throw invalid(candidate, 'an npipe endpoint needs a pipe name');
      return { ...cleared, socketPath: pipe };
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const url = parseUrl(candidate);
      const tls = candidate.tls ?? (scheme === 'https' ? { verify: true } : undefined);
      if (!tls) {
        return { ...cleared, protocol: 'http', host: url.hostname, port: url.port || 2375 };
      }
      const ca = pem(tls.ca);
      const cert = pem(tls.cert);
      const key = pem(tls.key);
      return {
        ...cleared,
        protocol: 'https',
        host: url.hostname,
        port: url.port || 2376,
        ca,
        cert,
        key,
        // The modem has no switch for verification; an agent carries it (its options win over the request's).
        agent: new HttpsAgent({ ca, cert, key, rejectUnauthorized: tls.verify, keepAlive: false }),
      };
    }
    case 'ssh': {
      const url = parseUrl(candidate);
      const port = Number(url.port) || 22;
      return {
        ...cleared,
        protocol: 'ssh',
        host: url.hostname,
        port,
        username: decodeURIComponent(url.username) || undefined,
        // Keys come from the user's agent, as with `docker -H ssh://...`; the host's key must be in known_hosts.
        sshOptions: {
          agent: process.env.SSH_AUTH_SOCK,
          hostVerifier: knownHostsVerifier(url.hostname, port, (v) => {
            if (!v.ok) console.error(`[berth] ${v.message}`);
          }),
        },
      };
    }
    default:
      throw invalid(candidate, 'use unix://, npipe://, tcp:// or ssh://');
  }
}

/** A dockerode client for one engine candidate. Creating it does not connect; the first request does. */
export function createDockerClient(candidate: EngineCandidate): Dockerode {
  return new Dockerode(dockerOptionsFor(candidate));
}

function parseUrl(candidate: EngineCandidate): URL {
  try {
    return new URL(candidate.endpoint);
  } catch {
    throw invalid(candidate, 'the address could not be parsed');
  }
}

/** TLS material may be given as PEM text or as a file path (DOCKER_CERT_PATH, docker context TLS folder). */
function pem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value;
  try {
    return readFileSync(value, 'utf8');
  } catch (err) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `The TLS file ${value} cannot be read. Check the engine's certificate settings.`,
      { cause: err instanceof Error ? err.message : String(err) },
    );
  }
}

function invalid(candidate: EngineCandidate, why: string): BerthError {
  return new BerthError(
    ErrorCode.INVALID_ARGUMENT,
    `The engine address "${candidate.endpoint}" is not valid: ${why}.`,
    { endpoint: candidate.endpoint },
  );
}
