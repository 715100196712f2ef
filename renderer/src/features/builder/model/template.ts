import { isMap, isScalar, type Document } from 'yaml';

/** `${NAME}`, `${NAME:-default}`, `${NAME:?err}`; `$$` is a literal dollar. */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

export interface ParameterRef {
  name: string;
  default?: string;
  required: boolean;
}

/** Every parameter the text references, once, in order of first use (x-berth itself excluded). */
export function parameterRefs(doc: Document): ParameterRef[] {
  const found = new Map<string, ParameterRef>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.replace(/\$\$/g, '').matchAll(REFERENCE)) {
        const name = m[1] ?? '';
        if (!found.has(name)) found.set(name, { name, default: m[2]?.endsWith('-') ? m[3] : undefined, required: m[2]?.endsWith('?') === true });
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (k !== 'x-berth') walk(x);
  };
  walk(doc.toJS({ maxAliasCount: 1000 }));
  return [...found.values()];
}

/**
 * Makes the document a Berth template: `x-berth.title` set, and every referenced parameter declared (with its
 * `:-` default) so the deploy form asks for it. Declared parameters and other metadata are kept as written.
 */
export function asTemplate(doc: Document, title: string): void {
  doc.setIn(['x-berth', 'title'], title);
  for (const p of parameterRefs(doc)) {
    const path = ['x-berth', 'parameters', p.name];
    if (doc.hasIn(path)) continue;
    const declared: Record<string, unknown> = { label: p.name };
    if (p.default !== undefined) declared.default = p.default;
    if (p.required || p.default === undefined) declared.required = true;
    doc.setIn(path, doc.createNode(declared));
  }
  // x-berth first, as Berth's own templates write it.
  const root = doc.contents;
  if (isMap(root)) {
    const at = root.items.findIndex((i) => (isScalar(i.key) ? i.key.value : i.key) === 'x-berth');
    if (at > 0) root.items.unshift(...root.items.splice(at, 1));
  }
}

/** The template title the file already has, if any. */
export function templateTitle(doc: Document): string | undefined {
  const t: unknown = doc.getIn(['x-berth', 'title']);
  return typeof t === 'string' ? t : undefined;
}
