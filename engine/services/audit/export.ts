import { Readable } from 'node:stream';
import type { AuditExportFormat, AuditLogEntry, AuditLogFilter } from '../../contract';
import type { AuditQuery } from '../../store/audit-query';

/** Rows read per database query while exporting: the export never holds the whole log in memory. */
const PAGE = 1000;

export const CSV_COLUMNS = ['id', 'time', 'user', 'role', 'via', 'method', 'ok', 'errorCode', 'client', 'params'] as const;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, so opening an export cannot execute what a caller put in a parameter or a user name.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(e: AuditLogEntry): string {
  const cells = [
    String(e.id),
    new Date(e.at).toISOString(),
    e.user,
    e.role,
    e.via,
    e.method,
    e.ok ? 'true' : 'false',
    e.errorCode ?? '',
    e.client ?? '',
    JSON.stringify(e.params),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const jsonLine = (e: AuditLogEntry): string => `${JSON.stringify(e)}\n`;

/**
 * The matching entries as text, newest first, read page by page (between pages the dispatcher may append:
 * entries newer than the export's start are not included, so the file is one consistent range).
 */
export function exportStream(
  query: (q: AuditQuery) => AuditLogEntry[],
  filter: AuditLogFilter,
  format: AuditExportFormat,
  signal: AbortSignal,
): Readable {
  const line = format === 'csv' ? csvLine : jsonLine;
  async function* lines() {
    if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
    let before: number | undefined;
    for (;;) {
      if (signal.aborted) return;
      const page = query({ ...filter, limit: PAGE, ...(before !== undefined ? { before } : {}) });
      for (const e of page) yield line(e);
      const last = page.at(-1);
      if (page.length < PAGE || !last) return;
      before = last.id;
      // Let other work (the dispatcher's appends, other requests) run between pages.
      await new Promise((r) => setImmediate(r));
    }
  }
  return Readable.from(lines());
}
