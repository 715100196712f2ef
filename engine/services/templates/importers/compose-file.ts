import type { TemplateParameter } from '../../../contract';
import { dropUndefined } from '../template-file';
import { isRecord, slugify } from '../yaml';
import type { Converted } from './types';

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}`, `${NAME?message}` and `$NAME` (not `$$`). */
const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * A plain compose file → a template. Every variable it references becomes a parameter (its `:-` default as the
 * default, `:?` marks it required), so a compose file that already uses variables deploys with a form as-is.
 */
export function convertComposeFile(doc: Record<string, unknown>, fileName: string): Converted {
  const parameters = new Map<string, TemplateParameter>();
  forEachString(doc, (s) => {
    for (const m of s.replace(/\$\$/g, '').matchAll(REFERENCE)) {
      const name = m[1] ?? m[4] ?? '';
      if (parameters.has(name)) continue;
      const op = m[2];
      parameters.set(name, dropUndefined({ name, label: name, default: op?.endsWith('-') ? m[3] : undefined, required: op?.endsWith('?') === true, secret: /(^|_)(PASS(WORD)?|SECRET|TOKEN|KEY)(_|$)/i.test(name) }));
    }
  });
  const { name: projectName, version: _obsolete, ...compose } = doc;
  const title = typeof projectName === 'string' ? projectName : fileName.replace(/(^|[/\\])(docker-)?compose[^/\\]*$/, '').split(/[/\\]/).pop() || 'compose app';
  return { templates: [{ name: slugify(title), template: { metadata: { title, categories: [] }, parameters: [...parameters.values()], compose } }], problems: [] };
}

function forEachString(v: unknown, f: (s: string) => void): void {
  if (typeof v === 'string') f(v);
  else if (Array.isArray(v)) v.forEach((x) => forEachString(x, f));
  else if (isRecord(v)) Object.values(v).forEach((x) => forEachString(x, f));
}
