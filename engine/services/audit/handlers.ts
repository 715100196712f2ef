import type { auditMethods } from '../../contract/methods/audit';
import type { Domain, ServiceContext } from '../context';
import { exportStream } from './export';

/**
 * The audit log browser: reads what the dispatcher appended. Nothing here writes, edits or deletes an entry,
 * and the contract has no method that could.
 */
export function auditDomain(ctx: ServiceContext): Domain<typeof auditMethods> {
  const audit = ctx.store.audit;
  return {
    handlers: {
      'audit.list': ({ limit, ...q }) => {
        // One row more than asked tells whether an older page exists without a second query.
        const rows = audit.query({ ...q, limit: limit + 1 });
        const entries = rows.slice(0, limit);
        const last = entries.at(-1);
        return Promise.resolve(rows.length > limit && last ? { entries, next: last.id } : { entries });
      },
      'audit.export': ({ format, ...filter }) => {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        return Promise.resolve(
          ctx.transfers.download({
            filename: `berth-audit-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}`,
            contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
            open: (signal) => Promise.resolve(exportStream((q) => audit.query(q), filter, format, signal)),
          }),
        );
      },
    },
  };
}
