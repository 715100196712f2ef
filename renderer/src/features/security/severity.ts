import type { Severity } from '../../api/contract';

/** One colour per severity everywhere (chips, badges, counts). */
export const severityColor: Record<Severity, 'error' | 'warning' | 'info'> = { high: 'error', medium: 'warning', low: 'info' };
export const severityLabel: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
