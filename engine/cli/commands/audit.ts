import { parseArgs } from 'node:util';
import { SEVERITIES, severityRank, type AuditRecord, type ContainerAudit, type ImageAudit, type ImageAuditRecord, type Severity } from '../../contract';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { UsageError } from './args';
import { AUDIT_USAGE } from './audit-usage';
import type { ComposeDeps } from './compose';
import { table } from './compose-output';
import { withEngineSession } from './engine-command';

const OPTIONS = {
  json: { type: 'boolean' },
  images: { type: 'boolean' },
  severity: { type: 'string' },
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `berth audit [--images] [--json]`: the security domain's findings, through the dispatcher like every host. */
export async function auditCommand(argv: string[], io: CliIo, deps: ComposeDeps): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  if (values.help) {
    io.out(AUDIT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals.join(' ')}`);
  const minimum = values.severity ?? 'low';
  if (!SEVERITIES.includes(minimum as Severity)) throw new UsageError(`--severity must be high, medium or low, not "${minimum}".`);
  const dataDir = resolveDataDir(values['data-dir'], io);
  const command = { name: 'audit', engineFlag: values.engine, dataDir, hint: `The audit reads the ${values.images ? 'images' : 'containers'} of an engine.`, domains: ['engine', 'tasks', 'security'] } as const;
  return withEngineSession(command, io, deps, async (session) => {
    if (values.images) {
      const audits = await session.call<ImageAudit[]>('security.images', {});
      const records = imageAuditRecords(audits, minimum as Severity);
      if (values.json) io.out(JSON.stringify(records, null, 2));
      else printImageTable(records, audits.length, io);
      return EXIT.ok;
    }
    const audits = await session.call<ContainerAudit[]>('security.list', {});
    const records = auditRecords(audits, minimum as Severity);
    if (values.json) io.out(JSON.stringify(records, null, 2));
    else printTable(records, audits.length, io);
    return EXIT.ok;
  });
}

/** One record per finding, containers by name, findings most severe first; fields in a fixed order. */
export function auditRecords(audits: readonly ContainerAudit[], minimum: Severity = 'low'): AuditRecord[] {
  return [...audits]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((a) =>
      a.findings
        .filter((f) => severityRank(f.severity) <= severityRank(minimum))
        .map((f) => ({ container: a.id, name: a.name, ruleId: f.ruleId, benchmark: f.benchmark, benchmarkId: f.benchmarkId, severity: f.severity, message: f.message, fix: f.fix })),
    );
}

/** One record per image finding, images by name (untagged ones last, by ID), most severe first; fixed field order. */
export function imageAuditRecords(audits: readonly ImageAudit[], minimum: Severity = 'low'): ImageAuditRecord[] {
  const name = (a: ImageAudit) => a.tags[0] ?? `~${a.id}`;
  return [...audits]
    .sort((a, b) => name(a).localeCompare(name(b)))
    .flatMap((a) =>
      a.findings
        .filter((f) => severityRank(f.severity) <= severityRank(minimum))
        .map((f) => ({ image: a.id, tags: a.tags, ruleId: f.ruleId, benchmark: f.benchmark, benchmarkId: f.benchmarkId, severity: f.severity, message: f.message, fix: f.fix })),
    );
}

function printImageTable(records: ImageAuditRecord[], images: number, io: CliIo): void {
  if (records.length === 0) {
    io.out(`No findings in ${images} image${images === 1 ? '' : 's'}.`);
    return;
  }
  const rows = records.map((r) => [r.tags[0] ?? r.image.replace(/^sha256:/, '').slice(0, 12), r.severity.toUpperCase(), r.ruleId, `CIS ${r.benchmarkId}`, r.message]);
  for (const line of table(['IMAGE', 'SEVERITY', 'RULE', 'BENCHMARK', 'FINDING'], rows)) io.out(line);
  const affected = new Set(records.map((r) => r.image)).size;
  io.out('');
  io.out(`${records.length} findings in ${affected} of ${images} images. setuid/setgid files (CIS 4.8) need a deep scan: the image's Security tab in Berth.`);
}

function printTable(records: AuditRecord[], containers: number, io: CliIo): void {
  if (records.length === 0) {
    io.out(`No findings in ${containers} container${containers === 1 ? '' : 's'}.`);
    return;
  }
  const rows = records.map((r) => [r.name, r.severity.toUpperCase(), r.ruleId, `CIS ${r.benchmarkId}`, r.message]);
  for (const line of table(['CONTAINER', 'SEVERITY', 'RULE', 'BENCHMARK', 'FINDING'], rows)) io.out(line);
  const count = (s: Severity) => records.filter((r) => r.severity === s).length;
  const affected = new Set(records.map((r) => r.container)).size;
  io.out('');
  io.out(`${records.length} findings (${count('high')} high, ${count('medium')} medium, ${count('low')} low) in ${affected} of ${containers} containers. ${records[0]?.benchmark ?? ''}; fixes: berth audit --json, or the Security page.`);
}
