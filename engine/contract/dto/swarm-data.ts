/** Which of the two swarm data objects: secrets (never readable back) or configs (readable). */
export type SwarmDataKind = 'secret' | 'config';

/** A service that mounts a secret or config. */
export interface SwarmDataUser {
  id: string;
  name: string;
}

/** A swarm secret or config, metadata only (the engine never returns a secret's data). */
export interface SwarmDataSummary {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** An external secret store driver (secrets only), when one is used. */
  driver?: string;
  createdAt?: number;
  updatedAt?: number;
  /** Object version (secrets and configs are immutable; it changes only with their labels). */
  version: number;
  /** Services whose spec mounts it, by name. */
  usedBy: SwarmDataUser[];
}

export type SwarmSecret = SwarmDataSummary;
export type SwarmConfig = SwarmDataSummary;

/** configs.inspect: the metadata and the content (configs are not secret). */
export interface SwarmConfigDetails extends SwarmConfig {
  /** Size of the content in bytes. */
  size: number;
  /** The content as text when it is valid UTF-8; absent for binary content. */
  text?: string;
}
