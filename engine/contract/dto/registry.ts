/** What a registry (Distribution v2 API) says about itself, its repositories and their images. */

export interface RegistryPing {
  /** `Docker-Distribution-API-Version`, e.g. "registry/2.0". */
  apiVersion?: string;
  /** How the registry asked to be authenticated, when it did. */
  auth: 'none' | 'basic' | 'bearer';
}

/** One page of a listing; `next` is the cursor to pass as `last` for the following page. */
export interface RegistryPage<T> {
  items: T[];
  next?: string;
}

export interface RegistryPlatform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface RegistryLayer {
  digest: string;
  mediaType: string;
  /** Compressed size in bytes, as the manifest declares it. */
  size: number;
}

/** A single-platform image manifest (OCI or Docker v2 schema 2). */
export interface RegistryImageManifest {
  kind: 'image';
  digest: string;
  mediaType: string;
  configDigest: string;
  layers: RegistryLayer[];
  /** Sum of the layers' compressed sizes. */
  size: number;
}

/** A multi-platform index (OCI image index or Docker manifest list). */
export interface RegistryIndexManifest {
  kind: 'index';
  digest: string;
  mediaType: string;
  manifests: { digest: string; mediaType: string; size: number; platform?: RegistryPlatform }[];
}

export type RegistryManifest = RegistryImageManifest | RegistryIndexManifest;

/** The parts of an image's config blob a person looks at before pulling it. */
export interface RegistryImageConfig {
  created?: string;
  os?: string;
  architecture?: string;
  variant?: string;
  env: string[];
  entrypoint: string[];
  cmd: string[];
  workingDir?: string;
  user?: string;
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
  /** Build steps, oldest first (`created_by`), with `emptyLayer` for steps that added no layer. */
  history: { created?: string; createdBy?: string; emptyLayer: boolean }[];
}

/** A registry as the renderer sees it: never its password or the sealed form of it. */
export interface RegistryInfo {
  /** 'hub' for Docker Hub (always present); a generated id for the ones the user added. */
  id: string;
  name: string;
  url: string;
  /** As image references name it: "docker.io", "registry.example.com:5000". */
  host: string;
  insecure: boolean;
  hasCa: boolean;
  username?: string;
  hasPassword: boolean;
  builtIn: boolean;
}

export interface RegistrySearchResult {
  /** Which registry found it: 'hub' or a registry id. */
  source: string;
  /** The name to pull: "nginx", "bitnami/redis", "registry.example.com:5000/team/api". */
  name: string;
  /** The repository path inside its registry, for tags/manifest calls. */
  repository: string;
  description?: string;
  stars?: number;
  official?: boolean;
  automated?: boolean;
  /** Docker Hub's trust badge, from the Hub's own search API (when it answered). */
  badge?: 'official' | 'verified_publisher' | 'open_source';
  /** Docker Hub's pull count as the Hub words it ("1B+", "10M+"), from its own search API. */
  pulls?: string;
  /** The platforms Docker Hub lists for the repository ("linux/amd64"), from its own search API. */
  platforms?: string[];
}

/** One tag of a Docker Hub repository, from the Hub's own API (which names its platforms in the same answer). */
export interface HubTag {
  name: string;
  /** The digest the tag points at (an index for a multi-platform image). */
  digest?: string;
  /** Bytes, as the Hub sums them (compressed). */
  size?: number;
  /** When the tag was last pushed (ISO 8601). */
  updated?: string;
  platforms: RegistryPlatform[];
}

export interface RegistrySearch {
  results: RegistrySearchResult[];
  /** Registries that could not be searched, each with why, so one being down does not hide the others. */
  errors: { source: string; message: string }[];
}

export interface DockerConfigImport {
  imported: RegistryInfo[];
  /** Entries of ~/.docker/config.json that were not imported, with the reason. */
  skipped: { host: string; reason: string }[];
}
