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
