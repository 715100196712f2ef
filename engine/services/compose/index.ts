/**
 * Berth's compose loader: compose files → resolved project model, without a compose binary. This file is the
 * compose domain's public entry; the layers rule lets the templates domain import it and nothing deeper (ADR 10).
 */
export { loadProject } from './load';
export { toConfigYaml } from './config-yaml';
export { parseComposeYaml } from './yaml-source';
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
// Pure helpers the stacks domain maps compose fields with (the same units and splitting as `up`).
export { commandArgs, durationNs, parseBytes } from './apply/units';
export { COVERAGE_RULES } from './coverage';
// The stacks domain reads `--env-file`s for its secrets' `environment:` with the same dotenv rules.
export { loadEnvFile } from './envfiles';
