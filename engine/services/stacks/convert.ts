import type { ComposeProject } from '../compose';
import { COVERAGE_RULES } from '../compose';
import type { EngineServiceSpec } from '../common/swarm-engine-types';
import { STACK_LABEL } from '../common/swarm-api';
import { toServiceSpec } from './convert-service';
import { StackFieldError } from './convert-deploy';
import { unsupportedWarnings } from './unsupported';

/** A network the stack creates (or expects, when external). */
export interface StackNetwork {
  key: string;
  name: string;
  external: boolean;
  /** POST /networks/create body (absent for external ones). */
  create?: Record<string, unknown>;
}

/** A secret or config the stack creates from a file, an environment variable or inline content. */
export interface StackFileObject {
  key: string;
  name: string;
  external: boolean;
  /** The bytes and the spec labels (absent for external ones). */
  data?: Buffer;
  labels?: Record<string, string>;
}

export interface StackPlan {
  stack: string;
  networks: StackNetwork[];
  secrets: StackFileObject[];
  configs: StackFileObject[];
  services: { key: string; spec: EngineServiceSpec }[];
  warnings: string[];
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loader warnings about compose's runtime (deploy:, swarm-only secrets) do not apply to a stack. */
const COMPOSE_ONLY = COVERAGE_RULES.filter((r) => /^(services\.\*\.deploy\.|services\.\*\.build|secrets\.|configs\.)/.test(r.path)).map((r) => r.path);

function networksOf(project: ComposeProject, stack: string): StackNetwork[] {
  const used = new Set(Object.values(project.services).flatMap((s) => Object.keys(s.networks ?? {})));
  return Object.entries(project.networks)
    .filter(([key]) => used.has(key))
    .map(([key, n]) => {
      if (n.external) return { key, name: n.name, external: true };
      const ipam = isMapping(n.ipam) ? n.ipam : undefined;
      const create = {
        Name: n.name,
        Driver: n.driver ?? 'overlay',
        Labels: { ...(n.labels ?? {}), [STACK_LABEL]: stack },
        ...(isMapping(n.driver_opts) ? { Options: n.driver_opts } : {}),
        ...(n.attachable === true ? { Attachable: true } : {}),
        ...(n.internal === true ? { Internal: true } : {}),
        ...(n.enable_ipv6 === true ? { EnableIPv6: true } : {}),
        ...(ipam ? { IPAM: { Driver: ipam.driver ?? 'default', Config: (Array.isArray(ipam.config) ? ipam.config : []).map(ipamConfig), ...(isMapping(ipam.options) ? { Options: ipam.options } : {}) } } : {}),
        Scope: 'swarm',
      };
      return { key, name: n.name, external: false, create };
    });
}

const ipamConfig = (c: unknown) => {
  const m = isMapping(c) ? c : {};
  return { ...(m.subnet ? { Subnet: m.subnet } : {}), ...(m.ip_range ? { IPRange: m.ip_range } : {}), ...(m.gateway ? { Gateway: m.gateway } : {}) };
};

/** Reads what a secret/config holds: its file, the named environment variable, or (configs) inline content. */
type ReadFile = (file: string) => Promise<Buffer>;

async function fileObjects(kind: 'secrets' | 'configs', project: ComposeProject, stack: string, env: Record<string, string>, read: ReadFile): Promise<StackFileObject[]> {
  const used = new Set(Object.values(project.services).flatMap((s) => (s[kind] ?? []).map((r) => r.source)));
  const out: StackFileObject[] = [];
  for (const [key, o] of Object.entries(project[kind])) {
    if (!used.has(key)) continue;
    if (o.external) {
      out.push({ key, name: o.name, external: true });
      continue;
    }
    let data: Buffer;
    if (typeof o.file === 'string') data = await read(o.file);
    else if (typeof o.environment === 'string') {
      const value = env[o.environment];
      if (value === undefined) throw new StackFieldError(`${kind}.${key}.environment: the variable ${o.environment} is not set; give it in the stack's environment`);
      data = Buffer.from(value);
    } else if (typeof o.content === 'string') data = Buffer.from(o.content);
    else throw new StackFieldError(`${kind}.${key}: give file:, environment:${kind === 'configs' ? ', content:' : ''} or external: true`);
    const labels = isMapping(o.labels) ? (o.labels as Record<string, string>) : {};
    out.push({ key, name: o.name, external: false, data, labels: { ...labels, [STACK_LABEL]: stack } });
  }
  return out;
}

/**
 * A loaded compose project (loaded with the stack name as project name, so objects are `<stack>_<key>`) → what
 * `docker stack deploy` creates. Mapping problems throw StackFieldError naming the compose key path.
 */
export async function toStackPlan(project: ComposeProject, stack: string, env: Record<string, string>, read: ReadFile): Promise<StackPlan> {
  const warnings = project.warnings.filter((w) => !COMPOSE_ONLY.some((p) => w.startsWith(p)));
  warnings.push(...unsupportedWarnings(project));
  const warn = (m: string) => warnings.push(m);
  const services = Object.entries(project.services)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, svc]) => {
      if (!svc.image) throw new StackFieldError(`services.${key}.image: a stack service needs an image (Swarm cannot build; build and push it first)`);
      try {
        return { key, spec: toServiceSpec(key, svc, { stack, project, warn }) };
      } catch (err) {
        if (err instanceof StackFieldError) throw err;
        throw new StackFieldError(`services.${key}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  return {
    stack,
    networks: networksOf(project, stack),
    secrets: await fileObjects('secrets', project, stack, env, read),
    configs: await fileObjects('configs', project, stack, env, read),
    services,
    warnings,
  };
}
