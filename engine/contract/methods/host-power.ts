/**
 * Container settings that hand the container (and whoever controls it) power over the host, so creating or
 * changing a container with them is an admin action even though running containers is an operator's job
 * (docs/adr/0009-web-credentials-and-access.md): privileged mode, added kernel capabilities (Portainer's
 * CVE-2020-24263), the host's network namespace or another container's, and bind mounts of host paths
 * (`/`, the Docker socket, ...). Named volumes and tmpfs stay operator-level.
 */
export interface HostPowerFields {
  privileged?: boolean;
  capAdd?: readonly string[];
  network?: string;
  volumes?: readonly { type: string }[];
}

export function grantsHostPower(spec: HostPowerFields): boolean {
  if (spec.privileged) return true;
  if ((spec.capAdd ?? []).length > 0) return true;
  if (spec.network === 'host' || spec.network?.startsWith('container:')) return true;
  return (spec.volumes ?? []).some((v) => v.type === 'bind');
}
