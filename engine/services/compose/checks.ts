import { type ComposeProject } from './model';
import { ComposeIssue } from './problems';

/**
 * Cross-references compose checks after normalisation: every service has an image or a build, refers only to
 * defined networks/volumes/secrets/configs/services, and depends_on has no cycle.
 */
export function checkReferences(project: ComposeProject, report: (issue: ComposeIssue) => void): void {
  for (const [name, svc] of Object.entries(project.services)) {
    const at = ['services', name];
    if (svc.image === undefined && svc.build === undefined && svc.provider === undefined) {
      report(new ComposeIssue(`service "${name}" has neither an image nor a build context; set one of them`, at));
    }
    for (const net of Object.keys(svc.networks ?? {})) {
      if (project.networks[net] === undefined) report(new ComposeIssue(`service "${name}" refers to undefined network "${net}"; declare it under the top-level networks`, [...at, 'networks', net]));
    }
    for (const [i, v] of (svc.volumes ?? []).entries()) {
      if (v.type === 'volume' && v.source !== undefined && project.volumes[v.source] === undefined) {
        report(new ComposeIssue(`service "${name}" refers to undefined volume "${v.source}"; declare it under the top-level volumes`, [...at, 'volumes', i]));
      }
    }
    for (const kind of ['secrets', 'configs'] as const) {
      for (const [i, ref] of (svc[kind] ?? []).entries()) {
        if (project[kind][ref.source] === undefined) {
          report(new ComposeIssue(`service "${name}" refers to undefined ${kind === 'secrets' ? 'secret' : 'config'} "${ref.source}"; declare it under the top-level ${kind}`, [...at, kind, i]));
        }
      }
    }
    const mode = svc.network_mode;
    if (typeof mode === 'string' && mode.startsWith('service:') && project.services[mode.slice(8)] === undefined) {
      report(new ComposeIssue(`network_mode refers to undefined service "${mode.slice(8)}"`, [...at, 'network_mode']));
    }
  }
  const cycle = findDependencyCycle(project);
  if (cycle) report(new ComposeIssue(`dependency cycle: ${cycle.join(' -> ')}`, ['services', cycle[0] ?? '', 'depends_on']));
}

/** Depth-first search over depends_on; returns the first cycle found as a closed path of service names. */
export function findDependencyCycle(project: ComposeProject): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of Object.keys(project.services[name]?.depends_on ?? {})) {
      if (project.services[dep] === undefined) continue;
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(project.services).sort()) {
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}
