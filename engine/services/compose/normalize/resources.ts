import { access, constants } from 'node:fs/promises';
import { readUserFile } from '../envfiles';
import { isMapping, keyValueMap, type Mapping } from '../merge';
import { type ConfigConfig, type NetworkConfig, type SecretConfig, type ServiceConfig, type VolumeConfig } from '../model';
import { ComposeIssue } from '../problems';
import { resolveHostPath } from './paths';

export interface ResourceContext {
  projectName: string;
  workingDir: string;
  home: string;
  report: (issue: ComposeIssue) => void;
}

interface Named {
  name: string;
  external?: boolean;
  [key: string]: unknown;
}

/**
 * Top-level networks/volumes/secrets/configs: `<project>_<key>` names unless `name:` is set or the object is
 * external (then the key, or the legacy `external.name`), labels as maps, `external: true` as a boolean.
 */
function named(kind: string, key: string, raw: unknown, ctx: ResourceContext): Named {
  const value: Mapping = isMapping(raw) ? { ...raw } : {};
  const ext = value.external;
  const external = ext === true || ext === 'true' || isMapping(ext);
  const legacyName = isMapping(ext) && typeof ext.name === 'string' ? ext.name : undefined;
  if (legacyName !== undefined && typeof value.name === 'string' && value.name !== legacyName) {
    ctx.report(new ComposeIssue(`external.name "${legacyName}" and name "${value.name}" disagree; keep only name`, [kind, key]));
  }
  const name = typeof value.name === 'string' ? value.name : (legacyName ?? (external ? key : `${ctx.projectName}_${key}`));
  const out: Named = { ...value, name };
  if (external) out.external = true;
  else delete out.external;
  if (value.labels !== undefined) {
    out.labels = Object.fromEntries(Object.entries(keyValueMap(value.labels)).map(([k, v]) => [k, v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return out;
}

async function checkReadable(file: string, what: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch {
    await readUserFile(file, what); // throws the same clear message readUserFile gives for env files
  }
}

export async function normaliseResources(raw: Mapping, services: Record<string, ServiceConfig>, ctx: ResourceContext) {
  const section = (kind: string): Mapping => (isMapping(raw[kind]) ? raw[kind] : {});
  const networks: Record<string, NetworkConfig> = {};
  for (const [key, value] of Object.entries(section('networks'))) networks[key] = named('networks', key, value, ctx);
  // compose gives every service with neither networks nor network_mode the project's `default` network.
  let usesDefault = false;
  for (const svc of Object.values(services)) {
    if (svc.networks === undefined && svc.network_mode === undefined) svc.networks = { default: null };
    if (svc.networks !== undefined && Object.hasOwn(svc.networks, 'default')) usesDefault = true;
  }
  if (usesDefault && networks.default === undefined) networks.default = { name: `${ctx.projectName}_default` };
  const volumes: Record<string, VolumeConfig> = {};
  for (const [key, value] of Object.entries(section('volumes'))) volumes[key] = named('volumes', key, value, ctx);
  const secrets: Record<string, SecretConfig> = {};
  const configs: Record<string, ConfigConfig> = {};
  for (const [kind, target] of [['secrets', secrets], ['configs', configs]] as const) {
    for (const [key, value] of Object.entries(section(kind))) {
      const item = named(kind, key, value, ctx) as SecretConfig;
      if (typeof item.file === 'string') {
        item.file = resolveHostPath(item.file, ctx.workingDir, ctx.home);
        try {
          await checkReadable(item.file, `${kind === 'secrets' ? 'secret' : 'config'} "${key}": file`);
        } catch (err) {
          if (!(err instanceof ComposeIssue)) throw err;
          ctx.report(new ComposeIssue(err.message, [kind, key, 'file']));
        }
      }
      target[key] = item;
    }
  }
  return { networks, volumes, secrets, configs };
}
