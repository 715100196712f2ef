/** One leaf of the inspect JSON: its dotted path and its value as JSON text. */
export interface InspectRow {
  path: string;
  value: string;
}

/** Flattens JSON into leaf rows (`HostConfig.PortBindings.80/tcp[0].HostPort`); empty objects/arrays are leaves. */
export function flattenJson(value: unknown, path = ''): InspectRow[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, value: '[]' }];
    return value.flatMap((v, i) => flattenJson(v, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [{ path, value: '{}' }];
    return entries.flatMap(([k, v]) => flattenJson(v, path ? `${path}.${k}` : k));
  }
  return [{ path, value: JSON.stringify(value) ?? 'undefined' }];
}

export function filterRows(rows: InspectRow[], query: string): InspectRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => r.path.toLowerCase().includes(q) || r.value.toLowerCase().includes(q));
}
