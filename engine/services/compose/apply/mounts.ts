import path from 'node:path';
import type Dockerode from 'dockerode';
import type { ComposeProject, ServiceConfig, ServiceVolumeConfig } from '../model';
import { ComposeIssue } from '../problems';
import { parseBytes } from './units';

export interface ContainerMounts {
  binds: string[];
  mounts: Dockerode.MountSettings[];
  /** Anonymous volumes: the engine creates one per container. */
  anonymous: Record<string, Record<string, never>>;
  tmpfs: Record<string, string>;
}

/** A named volume's engine name (`<project>_<key>` or its `name:`); anything else is passed as written. */
function volumeName(project: ComposeProject, source: string): string {
  return project.volumes[source]?.name ?? source;
}

/**
 * Simple bind and volume mounts go through `Binds` like compose does (binds then create a missing host folder,
 * which `create_host_path: true`, compose's default, asks for); mounts with options `Binds` cannot express use
 * `Mounts`.
 */
function addVolume(v: ServiceVolumeConfig, project: ComposeProject, out: ContainerMounts): void {
  const ro = v.read_only === true;
  if (v.type === 'tmpfs') {
    const opts: string[] = [];
    if (v.tmpfs?.size !== undefined) opts.push(`size=${parseBytes(v.tmpfs.size, 'tmpfs size')}`);
    if (v.tmpfs?.mode !== undefined) opts.push(`mode=${typeof v.tmpfs.mode === 'number' ? v.tmpfs.mode.toString(8) : v.tmpfs.mode}`);
    out.tmpfs[v.target] = opts.join(',');
    return;
  }
  if (v.type === 'volume' && (v.source === undefined || v.source === '')) {
    out.anonymous[v.target] = {};
    return;
  }
  const source = v.source ?? '';
  if (v.type === 'bind') {
    const simple = v.bind?.create_host_path !== false && v.bind?.recursive === undefined;
    if (simple) {
      const opts = [ro ? 'ro' : 'rw', v.bind?.selinux, v.bind?.propagation].filter((o): o is string => Boolean(o));
      out.binds.push(`${source}:${v.target}:${opts.join(',')}`);
      return;
    }
    out.mounts.push({
      Type: 'bind',
      Source: source,
      Target: v.target,
      ReadOnly: ro,
      ...(v.bind?.propagation ? { BindOptions: { Propagation: v.bind.propagation as Dockerode.MountPropagation } } : {}),
    });
    return;
  }
  if (v.type === 'volume') {
    const name = volumeName(project, source);
    if (v.volume?.subpath === undefined && v.volume?.labels === undefined) {
      out.binds.push(`${name}:${v.target}:${ro ? 'ro' : 'rw'}${v.volume?.nocopy ? ',nocopy' : ''}`);
      return;
    }
    out.mounts.push({
      Type: 'volume',
      Source: name,
      Target: v.target,
      ReadOnly: ro,
      VolumeOptions: {
        NoCopy: v.volume.nocopy === true,
        Labels: v.volume.labels ?? {},
        DriverConfig: { Name: '', Options: {} },
        ...(v.volume.subpath !== undefined ? { Subpath: v.volume.subpath } : {}),
      },
    });
    return;
  }
  throw new ComposeIssue(`volume type "${v.type}" is not supported by Berth yet; use bind, volume or tmpfs`);
}

/**
 * File-based secrets and configs are bind-mounted read-only, as compose does outside swarm: secrets at
 * /run/secrets/<name> (or their target), configs at /<name> (or their target).
 */
function addFileReferences(service: ServiceConfig, project: ComposeProject, out: ContainerMounts): void {
  for (const kind of ['secrets', 'configs'] as const) {
    for (const ref of service[kind] ?? []) {
      const def = project[kind][ref.source];
      if (def === undefined) throw new ComposeIssue(`${kind.slice(0, -1)} "${ref.source}" is not defined`);
      if (def.external) throw new ComposeIssue(`external ${kind} ("${ref.source}") need swarm; Berth runs compose without swarm`);
      if (typeof def.file !== 'string') {
        throw new ComposeIssue(`${kind.slice(0, -1)} "${ref.source}" has no file; only file-based ${kind} work without swarm`);
      }
      const fallback = kind === 'secrets' ? `/run/secrets/${ref.source}` : `/${ref.source}`;
      const target = ref.target === undefined ? fallback : kind === 'secrets' && !path.isAbsolute(ref.target) ? `/run/secrets/${ref.target}` : ref.target;
      out.binds.push(`${def.file}:${target}:ro`);
    }
  }
}

export function serviceMounts(service: ServiceConfig, project: ComposeProject): ContainerMounts {
  const out: ContainerMounts = { binds: [], mounts: [], anonymous: {}, tmpfs: {} };
  for (const v of service.volumes ?? []) addVolume(v, project, out);
  const tmpfs = service.tmpfs;
  for (const entry of Array.isArray(tmpfs) ? tmpfs : tmpfs === undefined ? [] : [tmpfs]) {
    const [target = '', opts = ''] = String(entry).split(/:(.*)/s);
    out.tmpfs[target] = opts;
  }
  addFileReferences(service, project, out);
  return out;
}
