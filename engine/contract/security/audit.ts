import type { ContainerAudit, SecuritySummary } from '../dto/security';
import type { ImageAuditInput } from './from-image';
import { hostRules } from './rules-host';
import { imageRules } from './rules-image';
import { canRecreate, runtimeRules } from './rules-runtime';
import { severityRank, type AuditContext, type AuditInput, type Finding, type SecurityRule, type Severity } from './types';

/** Every rule, most severe first within each group; ids are stable (scripts and filters match on them). */
export const securityRules: readonly SecurityRule[] = [...hostRules, ...runtimeRules];

export const ruleById = (id: string): SecurityRule | undefined => securityRules.find((r) => r.id === id);

/** The findings for one container config, most severe first. `remedy` only where Berth may recreate it. */
export function auditConfig(input: AuditInput, ctx: AuditContext = {}): Finding[] {
  const recreatable = canRecreate(input);
  const findings: Finding[] = [];
  for (const rule of securityRules) {
    const hit = rule.check(input, ctx);
    if (!hit) continue;
    findings.push({
      ruleId: rule.id,
      benchmark: rule.benchmark,
      benchmarkId: rule.benchmarkId,
      severity: hit.severity ?? rule.severity,
      title: rule.title,
      message: hit.message,
      why: rule.why,
      fix: rule.fix,
      ...(hit.remedy && recreatable ? { remedy: hit.remedy } : {}),
    });
  }
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** The findings for one image (config and history, plus a deep scan's setuid files when there was one). */
export function auditImage(input: ImageAuditInput): Finding[] {
  const findings: Finding[] = [];
  for (const rule of imageRules) {
    const hit = rule.check(input);
    if (!hit) continue;
    const { id, benchmark, benchmarkId, title, why, fix } = rule;
    findings.push({ ruleId: id, benchmark, benchmarkId, severity: hit.severity ?? rule.severity, title, message: hit.message, why, fix });
  }
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** A container or image rule by id. */
export const anyRuleById = (id: string): { id: string; title: string } | undefined => ruleById(id) ?? imageRules.find((r) => r.id === id);

/** The most severe of these findings, or undefined for none. */
export const worstSeverity = (findings: readonly { severity: Severity }[]): Severity | undefined =>
  findings.reduce<Severity | undefined>((w, f) => (w === undefined || severityRank(f.severity) < severityRank(w) ? f.severity : w), undefined);

const emptyCounts = (): Record<Severity, number> => ({ high: 0, medium: 0, low: 0 });

/** Counts per severity, overall and per compose project and swarm service (from the containers' labels). */
export function summarizeAudits(audits: readonly ContainerAudit[]): SecuritySummary {
  const summary: SecuritySummary = { containers: audits.length, affected: 0, bySeverity: emptyCounts(), byRule: {}, projects: {}, services: {} };
  const group = (map: Record<string, { containers: number; bySeverity: Record<Severity, number> }>, key: string | undefined, audit: ContainerAudit) => {
    if (!key) return;
    const entry = (map[key] ??= { containers: 0, bySeverity: emptyCounts() });
    entry.containers += 1;
    for (const f of audit.findings) entry.bySeverity[f.severity] += 1;
  };
  for (const audit of audits) {
    if (audit.findings.length > 0) summary.affected += 1;
    for (const f of audit.findings) {
      summary.bySeverity[f.severity] += 1;
      summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
    }
    group(summary.projects, audit.project, audit);
    group(summary.services, audit.swarmService, audit);
  }
  return summary;
}
