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

function service(svc: Json): Json {
  const out: Json = { ...svc };
  // v1's long port form omits the defaults current compose prints and keeps published as a number.
  if (Array.isArray(out.ports)) {
    out.ports = out.ports.map((p) => {
      if (!isObj(p)) throw new Error(`unexpected v1 port ${JSON.stringify(p)}`);
      const port: Json = { mode: 'ingress', protocol: 'tcp', ...p };
      if (p.published !== undefined) port.published = String(p.published);
      return port;
    });
  }
  // v1 keeps expose items as written (numbers); current compose prints strings.
  if (Array.isArray(out.expose)) out.expose = out.expose.map(String);
  if (Array.isArray(out.volumes)) out.volumes = out.volumes.map(longVolume);
  // v1 keeps environment values of the mapping form as YAML scalars (8000); current compose prints strings.
  if (isObj(out.environment)) {
    out.environment = Object.fromEntries(Object.entries(out.environment).map(([k, v]) => [k, v === null ? null : String(v)]));
  }
  // `required` on depends_on arrived after v1; its default is true.
  if (isObj(out.depends_on)) {
    out.depends_on = Object.fromEntries(Object.entries(out.depends_on).map(([k, d]) => [k, { required: true, ...(d as Json) }]));
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
