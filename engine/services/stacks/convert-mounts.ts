import { parseBytes, type ServiceConfig } from '../compose';
import type { EngineContainerSpec } from '../common/swarm-engine-types';
import { STACK_LABEL } from '../common/swarm-api';
import type { ServiceContext } from './convert-service';

type Mount = NonNullable<EngineContainerSpec['Mounts']>[number];

/**
 * Service volumes → swarm mounts: binds as they are (on whichever node runs the task), named volumes as the
 * stack's `<stack>_<name>` with the namespace label and the top-level driver (so every node creates the same
 * volume), anonymous volumes and tmpfs as such. Other types are refused at the field.
 */
export function mountsOf(name: string, svc: ServiceConfig, ctx: ServiceContext): Mount[] | undefined {
  const out = (svc.volumes ?? []).map((v, i): Mount => {
    const at = `services.${name}.volumes[${i}]`;
    const ro = v.read_only ? { ReadOnly: true } : {};
    if (v.type === 'bind') {
      const propagation = v.bind?.propagation;
      return { Type: 'bind', Source: v.source, Target: v.target, ...ro, ...(propagation ? { BindOptions: { Propagation: propagation } } : {}) };
    }
    if (v.type === 'tmpfs') {
      const size = v.tmpfs?.size;
      const mode = v.tmpfs?.mode;
      const opts = {
        ...(size !== undefined ? { SizeBytes: parseBytes(size, `${at}.tmpfs.size`) } : {}),
        ...(mode !== undefined ? { Mode: typeof mode === 'number' ? mode : parseInt(mode, 8) } : {}),
      };
      return { Type: 'tmpfs', Target: v.target, ...ro, ...(Object.keys(opts).length ? { TmpfsOptions: opts } : {}) };
    }
    if (v.type !== 'volume') throw new Error(`${at}: a "${v.type}" mount is not supported by Swarm services (use bind, volume or tmpfs)`);
    if (!v.source) return { Type: 'volume', Target: v.target, ...ro };
    const top = ctx.project.volumes[v.source];
    const external = top?.external === true;
    const driver = top?.driver;
    const driverOpts = top?.driver_opts as Record<string, string> | undefined;
    const volumeOptions = external
      ? undefined
      : {
          Labels: { ...(top?.labels ?? {}), ...(v.volume?.labels ?? {}), [STACK_LABEL]: ctx.stack },
          ...(v.volume?.nocopy ? { NoCopy: true } : {}),
          ...(v.volume?.subpath ? { Subpath: v.volume.subpath } : {}),
          ...(driver || driverOpts ? { DriverConfig: { ...(driver ? { Name: driver } : {}), ...(driverOpts ? { Options: driverOpts } : {}) } } : {}),
        };
    return { Type: 'volume', Source: top?.name ?? `${ctx.stack}_${v.source}`, Target: v.target, ...ro, ...(volumeOptions ? { VolumeOptions: volumeOptions } : {}) };
  });
  return out.length ? out : undefined;
}
