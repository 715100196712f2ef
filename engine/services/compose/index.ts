/** Berth's compose loader: compose files → resolved project model, without a compose binary. */
export { loadProject } from './load';
export { toConfigYaml } from './config-yaml';
export type {
  BuildConfig,
  ComposeProject,
  ConfigConfig,
  DependsOnConfig,
  HealthcheckConfig,
  LoadOptions,
  NetworkConfig,
  PortConfig,
  SecretConfig,
  ServiceConfig,
  ServiceVolumeConfig,
  VolumeConfig,
} from './model';
