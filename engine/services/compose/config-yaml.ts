import { stringify } from 'yaml';
import { type ComposeProject } from './model';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  // `$` is re-escaped so the printed file loads back to the same model (compose does the same).
  return typeof value === 'string' ? value.replace(/\$/g, '$$$$') : value;
}

/** The resolved model as a compose file, like `docker compose config`: sections in compose's order, keys sorted. */
export function toConfigYaml(project: ComposeProject): string {
  const doc: Record<string, unknown> = { name: project.name, services: project.services };
  for (const key of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    if (Object.keys(project[key]).length > 0) doc[key] = project[key];
  }
  const out = sortKeys(doc) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ['name', 'services', 'networks', 'volumes', 'secrets', 'configs']) if (out[key] !== undefined) ordered[key] = out[key];
  Object.assign(ordered, sortKeys(project.extensions));
  return stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}
