import type { AuditLogFilter } from '../../api/contract';

/** What the filter bar holds, as typed (times as `datetime-local` values in the user's time zone). */
export interface FilterForm {
  user: string;
  methodPrefix: string;
  result: 'all' | 'ok' | 'failed';
  from: string;
  to: string;
}

export const emptyFilters: FilterForm = { user: '', methodPrefix: '', result: 'all', from: '', to: '' };

/** `2026-12-07T19:30` (local) → ms; a minute's `to` includes the whole minute. */
const localMs = (value: string, endOfMinute = false): number | undefined => {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return undefined;
  return endOfMinute ? ms + 59_999 : ms;
};

/** The form as the contract's filter: empty fields are left out. */
export function toFilter(f: FilterForm): AuditLogFilter {
  const from = localMs(f.from);
  const to = localMs(f.to, true);
  return {
    ...(f.user.trim() ? { user: f.user.trim() } : {}),
    ...(f.methodPrefix.trim() ? { methodPrefix: f.methodPrefix.trim() } : {}),
    ...(f.result !== 'all' ? { ok: f.result === 'ok' } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/** What is wrong with the form before it is sent, placed on its field; null when it can be sent. */
export function filterProblem(f: FilterForm): { field: keyof FilterForm; message: string } | null {
  if (f.methodPrefix.trim() && !/^[a-zA-Z0-9.]+$/.test(f.methodPrefix.trim()))
    return { field: 'methodPrefix', message: 'Letters, digits and dots, e.g. "containers."' };
  const { from, to } = toFilter(f);
  if (from !== undefined && to !== undefined && from > to) return { field: 'from', message: 'The start is after the end' };
  return null;
}
