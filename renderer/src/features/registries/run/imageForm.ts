import { emptyForm, type SpecForm } from '../../containers/run/specForm';

/** What an image declares for the containers made from it (the `Config` of `docker image inspect`). */
export interface ImageRunDefaults {
  exposedPorts: string[];
  env: string[];
  volumes: string[];
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Reads the run defaults out of an engine's image inspect answer (`images.inspect` → `raw`), defensively. */
export function runDefaultsOf(raw: unknown): ImageRunDefaults {
  const config = record(record(raw).Config);
  const env = Array.isArray(config.Env) ? config.Env.filter((e): e is string => typeof e === 'string') : [];
  return { exposedPorts: Object.keys(record(config.ExposedPorts)), env, volumes: Object.keys(record(config.Volumes)) };
}

/**
 * The run form for an image, prefilled with what it declares: each exposed port published on a port the engine
 * picks (the user may type one), its environment (without PATH, which every image sets and the container inherits
 * anyway) and each volume as a new anonymous volume (the user may name it).
 */
export function formForImage(ref: string, defaults: ImageRunDefaults): SpecForm {
  const ports = defaults.exposedPorts.flatMap((p) => {
    const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(p);
    return m?.[1] ? [{ hostIp: '', hostPort: '', containerPort: m[1], protocol: (m[2] ?? 'tcp') as 'tcp' | 'udp' | 'sctp' }] : [];
  });
  const env = defaults.env.flatMap((e) => {
    const at = e.indexOf('=');
    const key = at < 0 ? e : e.slice(0, at);
    return key && key !== 'PATH' ? [{ key, value: at < 0 ? '' : e.slice(at + 1) }] : [];
  });
  const volumes = defaults.volumes
    .filter((v) => v.startsWith('/'))
    .map((target) => ({ type: 'volume' as const, source: '', target, readOnly: false }));
  return { ...emptyForm(), image: ref, ports, env, volumes };
}
