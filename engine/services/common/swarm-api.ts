import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';

/** One Engine API request through the engine's connection (any transport: unix, tcp, ssh). */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** X-Registry-Auth, for requests that make nodes pull an image. */
  auth?: { username: string; password: string; serveraddress: string } | undefined;
  signal?: AbortSignal | undefined;
  stream?: boolean;
}

/**
 * The swarm endpoints take the object version in the query and the spec in the body, which dockerode's
 * wrappers cannot both express; this calls the engine's API directly (errors come back as docker-modem's,
 * for mapDockerError).
 */
export function engineRequest<T>(docker: Dockerode, r: EngineRequest): Promise<T> {
  const query = Object.fromEntries(Object.entries(r.query ?? {}).filter(([, v]) => v !== undefined));
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial(
      {
        path: `${r.path}?`,
        method: r.method,
        options: { _query: query, ...(r.body !== undefined ? { _body: r.body } : {}) },
        ...(r.auth ? { authconfig: r.auth } : {}),
        ...(r.signal ? { abortSignal: r.signal } : {}),
        isStream: r.stream === true,
        statusCodes: { 200: true, 201: true, 204: true },
      },
      (err: Error | null, data: unknown) => (err ? reject(err) : resolve(data as T)),
    );
  });
}

export const engineStream = (docker: Dockerode, r: Omit<EngineRequest, 'stream'>): Promise<Readable> =>
  engineRequest<Readable>(docker, { ...r, stream: true });

/** The label `docker stack deploy` puts on every object of a stack (services, networks, secrets, configs, volumes). */
export const STACK_LABEL = 'com.docker.stack.namespace';
