import { createHash } from 'node:crypto';
import type { ServiceConfig } from '../model';

/** JSON with object keys sorted at every level, so the same config always gives the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The config hash of a service (com.docker.compose.config-hash), as compose computes it: a sha256 over the
 * normalised service config without what does not change a container — how many replicas, how its image is
 * built or pulled, and which services it waits for. A second `up` with the same hash recreates nothing.
 */
export function serviceConfigHash(service: ServiceConfig): string {
  const { build: _build, pull_policy: _pull, scale: _scale, depends_on: _deps, profiles: _profiles, ...rest } = service;
  const copy: Record<string, unknown> = { ...rest };
  if (typeof copy.deploy === 'object' && copy.deploy !== null) {
    const { replicas: _replicas, ...deploy } = copy.deploy as Record<string, unknown>;
    copy.deploy = deploy;
  }
  return createHash('sha256').update(stableJson(copy)).digest('hex');
}
