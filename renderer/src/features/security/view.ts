import { ruleById, severityRank, worstSeverity, type ContainerAudit, type Finding, type Severity } from '../../api/contract';

export interface SecurityFilter {
  severity: Severity | 'all';
  rule: string;
  project: string;
  query: string;
}
export const NO_FILTER: SecurityFilter = { severity: 'all', rule: 'all', project: 'all', query: '' };

export type GroupBy = 'container' | 'project' | 'service';

export interface FindingGroup {
  key: string;
  label: string;
  audits: ContainerAudit[];
  counts: Record<Severity, number>;
  worst: Severity | undefined;
}

const matches = (a: ContainerAudit, f: Finding, query: string) =>
  [a.name, a.image, a.project ?? '', a.swarmService ?? '', f.title, f.message, f.ruleId].some((t) => t.toLowerCase().includes(query));

/** The containers with findings that pass the filter, each with only those findings. */
export function filterAudits(audits: readonly ContainerAudit[], filter: SecurityFilter): ContainerAudit[] {
  const query = filter.query.trim().toLowerCase();
  const out: ContainerAudit[] = [];
  for (const a of audits) {
    if (filter.project !== 'all' && a.project !== filter.project) continue;
    const findings = a.findings.filter(
      (f) =>
        (filter.severity === 'all' || f.severity === filter.severity) &&
        (filter.rule === 'all' || f.ruleId === filter.rule) &&
        (query === '' || matches(a, f, query)),
    );
    if (findings.length) out.push(findings.length === a.findings.length ? a : { ...a, findings });
  }
  return out;
}

const count = (audits: readonly ContainerAudit[]) => {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const a of audits) for (const f of a.findings) counts[f.severity] += 1;
  return counts;
};

/** Groups by container, compose project or swarm service (containers outside one go under "none"); worst first. */
export function groupAudits(audits: readonly ContainerAudit[], by: GroupBy): FindingGroup[] {
  const groups = new Map<string, ContainerAudit[]>();
  for (const a of audits) {
    const key = by === 'container' ? a.id : by === 'project' ? (a.project ?? '') : (a.swarmService ?? '');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const none = by === 'project' ? 'Not in a compose project' : 'Not a swarm service task';
  return [...groups]
    .map(([key, list]) => {
      const sorted = [...list].sort((x, y) => x.name.localeCompare(y.name));
      return { key, label: by === 'container' ? (list[0]?.name ?? key) : key || none, audits: sorted, counts: count(sorted), worst: worstSeverity(sorted.flatMap((a) => a.findings)) };
    })
    .sort((x, y) => severityRank(x.worst ?? 'low') - severityRank(y.worst ?? 'low') || (x.key === '' ? 1 : 0) - (y.key === '' ? 1 : 0) || x.label.localeCompare(y.label));
}

/** The rules and projects present, for the filter menus. */
export function filterChoices(audits: readonly ContainerAudit[]): { rules: { id: string; title: string }[]; projects: string[] } {
  const rules = new Set<string>();
  const projects = new Set<string>();
  for (const a of audits) {
    if (a.project) projects.add(a.project);
    for (const f of a.findings) rules.add(f.ruleId);
  }
  return {
    rules: [...rules].map((id) => ({ id, title: ruleById(id)?.title ?? id })).sort((a, b) => a.title.localeCompare(b.title)),
    projects: [...projects].sort(),
  };
}
