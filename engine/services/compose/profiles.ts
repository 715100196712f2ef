import { isMapping, type Mapping } from './merge';

/** COMPOSE_PROFILES / --profile values: comma-separated, blanks dropped. */
export function parseProfiles(values: (string | undefined)[]): string[] {
  return [...new Set(values.flatMap((v) => (v ?? '').split(',')).map((p) => p.trim()).filter((p) => p !== ''))];
}

function profilesOf(service: unknown): string[] {
  return isMapping(service) && Array.isArray(service.profiles) ? service.profiles.map(String) : [];
}

function dependenciesOf(service: unknown): string[] {
  if (!isMapping(service)) return [];
  const deps = service.depends_on;
  if (Array.isArray(deps)) return deps.map(String);
  return isMapping(deps) ? Object.keys(deps) : [];
}

/**
 * Which services a load enables: those without profiles, those with an active profile (`*` activates all), and
 * services named explicitly together with everything they depend on, as `docker compose up svc` does.
 */
export function selectServices(services: Mapping, active: string[], targeted: string[]): { enabled: Set<string>; disabled: string[] } {
  const all = active.includes('*');
  const enabled = new Set<string>();
  for (const [name, svc] of Object.entries(services)) {
    const profiles = profilesOf(svc);
    if (profiles.length === 0 || all || profiles.some((p) => active.includes(p))) enabled.add(name);
  }
  const queue = targeted.filter((t) => Object.hasOwn(services, t));
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (enabled.has(name) && !targeted.includes(name)) continue;
    enabled.add(name);
    for (const dep of dependenciesOf(services[name])) if (Object.hasOwn(services, dep) && !enabled.has(dep)) queue.push(dep);
  }
  return { enabled, disabled: Object.keys(services).filter((n) => !enabled.has(n)) };
}

export function profilesOfService(service: unknown): string[] {
  return profilesOf(service);
}
