import type { TemplateCatalog, TemplateSummary } from '../../api/contract';

/** Where to look: every origin, the built-in set, the user's library, or one remote catalog (`catalog:<id>`). */
export type OriginFilter = 'all' | 'builtin' | 'library' | `catalog:${string}`;

export interface CatalogFilter {
  query: string;
  /** Chosen categories; a template matches when it has any of them (none chosen: every template). */
  categories: string[];
  origin: OriginFilter;
}

export const noFilter: CatalogFilter = { query: '', categories: [], origin: 'all' };

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether a template matches: every word of the query in its title, description or categories. */
export function matches(t: TemplateSummary, f: CatalogFilter): boolean {
  if (f.origin === 'builtin' || f.origin === 'library') {
    if (t.origin !== f.origin) return false;
  } else if (f.origin !== 'all' && (t.origin !== 'catalog' || `catalog:${t.catalog ?? ''}` !== f.origin)) {
    return false;
  }
  if (f.categories.length > 0 && !t.categories.some((c) => f.categories.some((w) => sameText(c, w)))) return false;
  const hay = [t.title, t.description ?? '', ...t.categories].join(' ').toLowerCase();
  return f.query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export const filterTemplates = (all: readonly TemplateSummary[], f: CatalogFilter): TemplateSummary[] =>
  all.filter((t) => matches(t, f));

/** The categories of the templates in the chosen origin, sorted, for the chips. */
export function categoriesOf(all: readonly TemplateSummary[], origin: OriginFilter): string[] {
  const inOrigin = filterTemplates(all, { query: '', categories: [], origin });
  const seen = new Map<string, string>();
  for (const c of inOrigin.flatMap((t) => t.categories)) if (!seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The origin filter's choices: built-in, library, and each remote catalog by its title. */
export function originChoices(catalogs: readonly TemplateCatalog[]): { value: OriginFilter; label: string }[] {
  return [
    { value: 'all', label: 'All templates' },
    { value: 'builtin', label: 'Built-in' },
    { value: 'library', label: 'My library' },
    ...catalogs.map((c) => ({ value: `catalog:${c.id}` as const, label: c.title })),
  ];
}

/** Where a template comes from, in words. */
export function originLabel(t: TemplateSummary, catalogs: readonly TemplateCatalog[]): string {
  if (t.origin === 'builtin') return 'Built-in';
  if (t.origin === 'library') return 'My library';
  return catalogs.find((c) => c.id === t.catalog)?.title ?? `Catalog ${t.catalog ?? ''}`;
}
