/**
 * Test support for the conformance tests: brings the output of `docker-compose config` 1.29.2 (compose v1, the
 * reference we can run here) to the canonical form Berth prints, which follows current compose (v2). Each step
 * is one documented difference between v1's output and the current compose model; nothing here decides
 * anything Berth is tested on beyond these format differences. Written independently of the loader's code.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go duration format (how current compose prints durations); v1 prints them as written in the file. */
function goDuration(text: string): string {
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let seconds = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)) seconds += Number(m[1]) * (units[m[2] ?? 's'] ?? 1);
  if (seconds < 1) return seconds === 0 ? '0s' : `${Math.round(seconds * 1e3)}ms`;
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = `${Number((seconds % 60).toFixed(9))}s`;
  return h > 0 ? `${h}h${min}m${s}` : min > 0 ? `${min}m${s}` : s;
}

/** v1 prints volumes in short syntax ("src:target:mode", src already absolute); current compose uses long form. */
function longVolume(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const parts = v.split(':');
  if (parts.length === 1) return { type: 'volume', target: parts[0], volume: {} };
  const [source = '', target = '', mode = 'rw'] = parts;
  const out: Json = source.startsWith('/')
    ? { type: 'bind', source, target, bind: { create_host_path: true } }
    : { type: 'volume', source, target, volume: {} };
  if (mode.split(',').includes('ro')) out.read_only = true;
  return out;
}

/** v1 prints ports with a host IP in short form ("127.0.0.1:8080:8080/tcp"); current compose uses long form. */
function v1PortString(text: string): Json {
  const m = /^(?:(.+):)?(\d+(?:-\d+)?):(\d+)(?:\/(\w+))?$/.exec(text);
  if (m === null) throw new Error(`unexpected v1 port ${text}`);
  const out: Json = { target: Number(m[3]), published: m[2], protocol: m[4] ?? 'tcp' };
  if (m[1] !== undefined) out.host_ip = m[1];
  return out;
}

/** Service mounts are a set keyed by target; v1 prints them in its own order, so both sides are sorted. */
export function sortVolumes(project: Json): Json {
  const services = isObj(project.services) ? project.services : {};
  for (const svc of Object.values(services)) {
    if (isObj(svc) && Array.isArray(svc.volumes)) {
      svc.volumes = [...(svc.volumes as Json[])].sort((a, b) => String(a.target).localeCompare(String(b.target)));
    }
  }
  return project;
}

function service(svc: Json): Json {
  const out: Json = { ...svc };
  // v1's long port form omits the defaults current compose prints and keeps published as a number.
  if (Array.isArray(out.ports)) {
    out.ports = out.ports.map((raw) => {
      const p = isObj(raw) ? raw : v1PortString(String(raw));
      const port: Json = { mode: 'ingress', protocol: 'tcp', ...p };
      if (p.published !== undefined) port.published = typeof p.published === 'string' ? p.published : JSON.stringify(p.published);
      return port;
    });
  }
  // v1 keeps expose items as written (numbers); current compose prints strings.
  if (Array.isArray(out.expose)) out.expose = out.expose.map(String);
  if (Array.isArray(out.volumes)) out.volumes = out.volumes.map(longVolume);
  // v1 keeps environment values of the mapping form as YAML scalars (8000); current compose prints strings.
  if (isObj(out.environment)) {
    out.environment = Object.fromEntries(Object.entries(out.environment).map(([k, v]) => [k, v === null ? null : String(v as string | number | boolean)]));
  }
  // `required` on depends_on arrived after v1; its default is true.
  if (isObj(out.depends_on)) {
    out.depends_on = Object.fromEntries(Object.entries(out.depends_on).map(([k, d]) => [k, { required: true, ...(d as Json) }]));
  }
  // After merging files v1 prints a service network without options as {}; current compose prints null.
  if (isObj(out.networks)) {
    out.networks = Object.fromEntries(Object.entries(out.networks).map(([k, v]) => [k, isObj(v) && Object.keys(v).length === 0 ? null : v]));
  }
  // v1 attaches services to the implicit default network without printing it.
  if (out.networks === undefined && out.network_mode === undefined) out.networks = { default: null };
  if (isObj(out.healthcheck)) {
    const hc: Json = { ...out.healthcheck };
    for (const k of ['interval', 'timeout', 'start_period']) if (typeof hc[k] === 'string') hc[k] = goDuration(hc[k]);
    // Current compose turns a string test into its CMD-SHELL form.
    if (typeof hc.test === 'string') hc.test = ['CMD-SHELL', hc.test];
    out.healthcheck = hc;
  }
  // Current compose makes the default Dockerfile name explicit.
  if (isObj(out.build) && out.build.dockerfile === undefined) out.build = { ...out.build, dockerfile: 'Dockerfile' };
  return out;
}

/** Current compose prints the resolved name of every network/volume/secret/config; v1 computes it silently. */
function named(section: unknown, project: string): Json {
  const out: Json = {};
  for (const [key, raw] of Object.entries(isObj(section) ? section : {})) {
    const v: Json = isObj(raw) ? { ...raw } : {};
    if (v.name === undefined) v.name = v.external === true ? key : `${project}_${key}`;
    out[key] = v;
  }
  return out;
}

export function canonicalFromV1(v1: Json, project: string): Json {
  // v1 always prints the file-format `version` it normalised to; current compose has no version.
  const { version: _version, ...rest } = v1;
  const services = Object.fromEntries(Object.entries(isObj(rest.services) ? rest.services : {}).map(([k, s]) => [k, service(s as Json)]));
  const out: Json = { name: project, services };
  const networks = named(rest.networks, project);
  if (Object.values(services).some((s) => isObj(s.networks) && 'default' in s.networks) && networks.default === undefined) {
    networks.default = { name: `${project}_default` };
  }
  if (Object.keys(networks).length > 0) out.networks = networks;
  for (const key of ['volumes', 'secrets', 'configs']) if (isObj(rest[key])) out[key] = named(rest[key], project);
  return out;
}

/** v1 drops top-level `x-*` extension fields from its output; current compose keeps them. Compared without. */
export function withoutExtensions(project: Json): Json {
  return Object.fromEntries(Object.entries(project).filter(([k]) => !k.startsWith('x-')));
}
