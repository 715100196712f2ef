import {
  anyRuleById,
  severityRank,
  worstSeverity,
  type ImageAudit,
  type Severity,
} from '../../../api/contract';

export interface ImageSecurityFilter {
  severity: Severity | 'all';
  rule: string;
  query: string;
}

/** An image's name as lists show it: its first tag, or `<none> <short ID>`. */
export const imageName = (a: ImageAudit): string =>
  a.tags[0] ?? `<none> ${a.id.replace(/^sha256:/, '').slice(0, 12)}`;

/**
 * The images with findings that pass the filter, each with only those findings, worst first then by name. The
 * full list of an image's findings still shows in its panel (the filter chooses which images, not what they say).
 */
export function filterImageAudits(audits: readonly ImageAudit[], filter: ImageSecurityFilter): ImageAudit[] {
  const query = filter.query.trim().toLowerCase();
  return audits
    .filter((a) =>
      a.findings.some(
        (f) =>
          (filter.severity === 'all' || f.severity === filter.severity) &&
          (filter.rule === 'all' || f.ruleId === filter.rule) &&
          (query === '' ||
            [imageName(a), ...a.tags, a.id, f.title, f.message, f.ruleId].some((t) =>
              t.toLowerCase().includes(query),
            )),
      ),
    )
    .sort(
      (x, y) =>
        severityRank(worstSeverity(x.findings) ?? 'low') - severityRank(worstSeverity(y.findings) ?? 'low') ||
        imageName(x).localeCompare(imageName(y)),
    );
}

/** The image rules present, for the filter menu. */
export function imageRuleChoices(audits: readonly ImageAudit[]): { id: string; title: string }[] {
  const ids = new Set(audits.flatMap((a) => a.findings.map((f) => f.ruleId)));
  return [...ids]
    .map((id) => ({ id, title: anyRuleById(id)?.title ?? id }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
