/** bridge, overlay, macvlan, ipvlan, host, null, or a plugin's name. */
export type NetworkDriver = string;

export interface NetworkIpam {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
}

/** A container attached to a network, with its address on it. */
export interface NetworkAttachment {
  containerId: string;
  containerName: string;
  /** Container state: only running containers hold an address. */
  state: string;
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  aliases: string[];
}

/** One row of the networks list: GET /networks joined with the containers attached to each. */
export interface NetworkSummary {
  id: string;
  name: string;
  driver: NetworkDriver;
  /** 'local', 'swarm' or 'global'. */
  scope: string;
  ipam: NetworkIpam[];
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  ipv6: boolean;
  labels: Record<string, string>;
  /** Milliseconds since epoch. */
  created?: number;
  containers: NetworkAttachment[];
  /** bridge, host and none: made by the engine and cannot be removed. */
  predefined: boolean;
  composeProject?: string;
}

export interface NetworkDetails extends NetworkSummary {
  options: Record<string, string>;
  /** The engine's full inspect answer, for the JSON view. */
  raw: unknown;
}

export interface NetworkPrunePreview {
  networks: { id: string; name: string; driver: string }[];
}

export interface NetworkPruneResult {
  removed: string[];
  failed: { name: string; message: string }[];
}
