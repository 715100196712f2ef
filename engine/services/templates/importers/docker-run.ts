import type { TemplateImportProblem, TemplateParameter } from '../../../contract';
import { PARAMETER_NAME } from '../template-file';
import { invalid, slugify } from '../yaml';
import { shellWords } from './shell-words';
import type { Converted } from './types';

type Service = Record<string, unknown>;
type Apply = (svc: Service, value: string, ctx: RunContext) => void;
interface RunContext {
  parameters: TemplateParameter[];
  report: (message: string) => void;
}

const push = (key: string) => (svc: Service, v: unknown) => void (svc[key] = [...((svc[key] as unknown[] | undefined) ?? []), v]);
const set = (key: string) => (svc: Service, v: string) => void (svc[key] = v);
const mapEntry = (key: string) => (svc: Service, v: string) => {
  const eq = v.indexOf('=');
  svc[key] = { ...((svc[key]) ?? {}), [eq < 0 ? v : v.slice(0, eq)]: eq < 0 ? '' : v.slice(eq + 1) };
};
const healthcheck = (key: string) => (svc: Service, v: string) => {
  svc.healthcheck = { ...((svc.healthcheck) ?? {}), [key]: key === 'test' ? ['CMD-SHELL', v] : key === 'retries' ? Number(v) : v };
};

/** Options that take a value, and how each lands in the service. */
const WITH_VALUE: Record<string, Apply> = {
  name: (svc, v) => void (svc.container_name = v),
  publish: push('ports'),
  expose: push('expose'),
  volume: push('volumes'),
  mount: (svc, v) => push('volumes')(svc, mountSpec(v)),
  tmpfs: push('tmpfs'),
  'env-file': push('env_file'),
  network: (svc, v, ctx) => {
    if (v === 'host' || v === 'none' || v.startsWith('container:')) svc.network_mode = v;
    else if (v !== 'bridge') ctx.report(`--network ${v}: the service joins the project's own network instead; not converted`);
  },
  'network-alias': (_s, _v, c) => c.report('--network-alias needs a named network; set aliases under the service\'s networks'),
  restart: set('restart'),
  workdir: set('working_dir'),
  user: set('user'),
  hostname: set('hostname'),
  entrypoint: set('entrypoint'),
  label: mapEntry('labels'),
  'cap-add': push('cap_add'),
  'cap-drop': push('cap_drop'),
  memory: (svc, v) => void (svc.mem_limit = v),
  cpus: (svc, v) => void (svc.cpus = Number(v)),
  'add-host': push('extra_hosts'),
  dns: push('dns'),
  device: push('devices'),
  'shm-size': set('shm_size'),
  platform: set('platform'),
  pull: set('pull_policy'),
  'stop-signal': set('stop_signal'),
  'stop-timeout': (svc, v) => void (svc.stop_grace_period = `${v}s`),
  sysctl: mapEntry('sysctls'),
  ulimit: (svc, v) => {
    const [k = '', lim = ''] = v.split('=');
    const [soft, hard] = lim.split(':');
    svc.ulimits = { ...((svc.ulimits) ?? {}), [k]: hard ? { soft: Number(soft), hard: Number(hard) } : Number(soft) };
  },
  'log-driver': (svc, v) => void (svc.logging = { ...((svc.logging) ?? {}), driver: v }),
  'health-cmd': healthcheck('test'),
  'health-interval': healthcheck('interval'),
  'health-timeout': healthcheck('timeout'),
  'health-retries': healthcheck('retries'),
  'health-start-period': healthcheck('start_period'),
  env: (svc, v, ctx) => {
    const eq = v.indexOf('=');
    const key = eq < 0 ? v : v.slice(0, eq);
    // `-e NAME` takes the value from the shell that ran docker: in a template that is a deploy-time parameter.
    if (eq < 0 && PARAMETER_NAME.test(key)) {
      ctx.parameters.push({ name: key, label: key, required: true, secret: /(^|_)(PASS(WORD)?|SECRET|TOKEN|KEY)(_|$)/i.test(key) });
      return mapEntry('environment')(svc, `${key}=\${${key}}`);
    }
    mapEntry('environment')(svc, eq < 0 ? v : `${key}=${v.slice(eq + 1).replace(/\$/g, '$$$$')}`);
  },
};
const SHORT: Record<string, string> = { p: 'publish', v: 'volume', e: 'env', w: 'workdir', u: 'user', h: 'hostname', l: 'label', m: 'memory' };
const ALIASES: Record<string, string> = { net: 'network' };
/** Flags without a value. */
const FLAGS: Record<string, (svc: Service, ctx: RunContext) => void> = {
  detach: () => {},
  d: () => {},
  interactive: (svc) => void (svc.stdin_open = true),
  i: (svc) => void (svc.stdin_open = true),
  tty: (svc) => void (svc.tty = true),
  t: (svc) => void (svc.tty = true),
  privileged: (svc) => void (svc.privileged = true),
  'read-only': (svc) => void (svc.read_only = true),
  init: (svc) => void (svc.init = true),
  rm: (_svc, ctx) => ctx.report('--rm: a compose service is kept until `down`; not converted'),
  P: (_svc, ctx) => ctx.report('--publish-all: publish the ports you need with ports instead; not converted'),
  'publish-all': (_svc, ctx) => ctx.report('--publish-all: publish the ports you need with ports instead; not converted'),
};

/** `docker run ...` (or `docker container run`, `podman run`) → a one-service template; unknown options are reported. */
export function convertDockerRun(line: string): Converted {
  const words = shellWords(line.trim());
  const start = words[0] === 'sudo' ? 1 : 0;
  const [tool, sub, sub2] = words.slice(start);
  const skip = sub === 'run' ? 2 : sub === 'container' && sub2 === 'run' ? 3 : 0;
  if (!tool || !/^(docker|podman|nerdctl)$/.test(tool) || skip === 0) throw invalid('Not a docker run command: it should start with "docker run" (or "docker container run").');
  const problems: TemplateImportProblem[] = [];
  const ctx: RunContext = { parameters: [], report: (message) => problems.push({ item: 'docker run', message }) };
  const svc: Service = {};
  const args = words.slice(start + skip);
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const long = arg.startsWith('--');
    const [rawName = '', inline] = long ? splitOnce(arg.slice(2)) : [arg.slice(1, 2), arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined];
    const name = long ? (ALIASES[rawName] ?? rawName) : (SHORT[rawName] ?? rawName);
    if (!long && arg.length > 2 && FLAGS[rawName] && [...arg.slice(1)].every((c) => FLAGS[c])) {
      for (const c of arg.slice(1)) FLAGS[c]?.(svc, ctx);
      continue;
    }
    const flag = FLAGS[name];
    if (flag && inline === undefined) {
      flag(svc, ctx);
      continue;
    }
    const apply = WITH_VALUE[name];
    if (!apply) throw invalid(`docker run option ${arg} is not one Berth can convert, and it cannot tell whether it takes a value; remove it and import again.`);
    const value = inline ?? args[++i];
    if (value === undefined) throw invalid(`docker run option ${arg} needs a value.`);
    apply(svc, value, ctx);
  }
  const image = args[i];
  if (!image) throw invalid('The docker run command names no image.');
  svc.image = image;
  const command = args.slice(i + 1);
  if (command.length) svc.command = command;
  const service = slugify((svc.container_name as string | undefined) ?? image.split('/').pop()?.split(/[:@]/)[0] ?? 'app', 'app');
  return {
    templates: [{ name: service, template: { metadata: { title: service, description: `From: ${line.trim().replace(/\s+/g, ' ').slice(0, 500)}`, categories: [] }, parameters: ctx.parameters, compose: { services: { [service]: dropEmpty(svc) } } } }],
    problems,
  };
}

function splitOnce(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

/** --mount type=bind,source=/a,target=/b,readonly → compose's long volume syntax. */
function mountSpec(v: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of v.split(',')) {
    const [k = '', val] = splitOnce(part);
    const key = { src: 'source', dst: 'target', destination: 'target', readonly: 'read_only', ro: 'read_only' }[k] ?? k;
    if (key === 'read_only') out.read_only = val === undefined || val === 'true' || val === '1';
    else if (['type', 'source', 'target'].includes(key)) out[key] = val;
    else throw invalid(`--mount option "${k}" is not one Berth can convert.`);
  }
  if (!out.target) throw invalid(`--mount ${v} has no target.`);
  out.type ??= 'volume';
  return out;
}

const dropEmpty = (svc: Service): Service => Object.fromEntries(Object.entries(svc).filter(([, v]) => v !== undefined));
