import type Dockerode from 'dockerode';

/** A network a container is on, with the aliases the user gave it there (not the ones Docker adds itself). */
export interface NetworkAttachment {
  name: string;
  aliases: string[];
}

/** The default bridge and the special modes: no aliases there, and nothing to connect to afterwards. */
export const isSpecialNetwork = (name: string | undefined): boolean =>
  !name || /^(default|bridge|host|none|container:.+)$/.test(name);

/**
 * Every network of the container from its inspect data, the primary one (HostConfig.NetworkMode) first. Docker
 * adds the short ID (and, since API 1.44, the name) as aliases on its own: those are left out.
 */
export function networkAttachments(info: Dockerode.ContainerInspectInfo): NetworkAttachment[] {
  const automatic = new Set([info.Id, info.Id.slice(0, 12), info.Name.replace(/^\//, '')]);
  const primary = info.HostConfig.NetworkMode ?? '';
  const all = Object.entries(info.NetworkSettings.Networks ?? {}).map(([name, n]) => ({
    name,
    aliases: [...new Set(((n.Aliases as string[] | null | undefined) ?? []).filter((a) => !automatic.has(a)))],
  }));
  return [...all.filter((n) => n.name === primary), ...all.filter((n) => n.name !== primary)];
}

/**
 * `--network-alias` options for the primary network, and one `docker network connect` per other network: an
 * engine before API 1.44 takes only one network when a container is created, so the others join afterwards.
 */
export function runNetworkParts(
  primary: string | undefined,
  networks: NetworkAttachment[],
): { aliasOptions: string[][]; connects: (container: string) => string[][] } {
  const main = networks.find((n) => n.name === (primary ?? 'bridge'));
  const aliasOptions = isSpecialNetwork(primary) ? [] : (main?.aliases ?? []).map((a) => ['--network-alias', a]);
  const others = networks.filter((n) => n !== main && !isSpecialNetwork(n.name));
  return {
    aliasOptions,
    connects: (container) =>
      others.map((n) => ['docker', 'network', 'connect', ...n.aliases.flatMap((a) => ['--alias', a]), n.name, container]),
  };
}

/**
 * The service's `networks:` (the long form where there are aliases) and the names to declare external, or
 * nothing for the default bridge alone. Compose adds the service name as an alias itself.
 */
export function composeNetworks(
  primary: string | undefined,
  networks: NetworkAttachment[],
  serviceName: string,
): { service: string[] | Record<string, { aliases: string[] } | null>; external: string[] } | undefined {
  const listed = networks.filter((n) => !isSpecialNetwork(n.name));
  if (primary && !isSpecialNetwork(primary) && !listed.some((n) => n.name === primary)) listed.unshift({ name: primary, aliases: [] });
  if (listed.length === 0) return undefined;
  const aliasesOf = (n: NetworkAttachment) => n.aliases.filter((a) => a !== serviceName);
  const service = listed.some((n) => aliasesOf(n).length > 0)
    ? Object.fromEntries(listed.map((n) => [n.name, aliasesOf(n).length ? { aliases: aliasesOf(n) } : null]))
    : listed.map((n) => n.name);
  return { service, external: listed.map((n) => n.name) };
}
