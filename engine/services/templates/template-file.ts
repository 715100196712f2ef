import { z } from 'zod';
import type { TemplateMetadata, TemplateParameter } from '../../contract';
import { checkTemplatePaths } from './paths';
import { invalid, isRecord, parseUntrusted, toYaml } from './yaml';

/**
 * A template in memory: metadata, parameters and the compose document they belong to. On disk it is one
 * compose.yaml whose `x-berth` block holds the metadata and parameters, so the file stays a valid compose file
 * (`docker compose` ignores `x-` keys) and diffs well. Parameters are used in the file as `${NAME}`.
 */
export interface Template {
  metadata: TemplateMetadata;
  parameters: TemplateParameter[];
  /** The compose document without `x-berth`. */
  compose: Record<string, unknown>;
}

export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const text = (max: number) => z.string().max(max);
const option = z.union([z.string().max(1000), z.object({ value: z.coerce.string().max(1000), label: text(200).optional() }).strict()]);
const parameter = z
  .object({
    label: text(200).optional(),
    description: text(2000).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
    required: z.boolean().optional(),
    secret: z.boolean().optional(),
    options: z.array(option).max(500).optional(),
    pattern: text(1000).optional(),
  })
  .strict();
const xBerth = z
  .object({
    title: z.string().min(1, 'a template needs a title').max(200),
    description: text(5000).optional(),
    categories: z.union([z.array(text(100)).max(50), text(100)]).optional(),
    logo: text(100_000).optional(),
    documentation: text(1_000_000).optional(),
    maintainer: text(200).optional(),
    version: z.union([text(100), z.number()]).transform(String).optional(),
    parameters: z.record(z.string().regex(PARAMETER_NAME, 'a parameter name is a variable name (letters, digits, _)'), parameter).optional(),
  })
  .strict();

/** Reads a template file; every problem (schema, pattern, defaults, paths) is an INVALID_ARGUMENT naming it. */
export function parseTemplate(source: string, what: string): Template {
  const doc = parseUntrusted(source, what);
  if (!isRecord(doc)) throw invalid(`${what} is not a compose file (expected a mapping with services).`);
  const { ['x-berth']: raw, ...compose } = doc;
  if (raw === undefined) throw invalid(`${what} has no x-berth block, so it is a plain compose file, not a Berth template.`);
  const parsed = xBerth.safeParse(unescapeDollars(raw));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `x-berth.${i.path.join('.')}: ${i.message}`);
    throw invalid(`${what}: ${issues[0] ?? 'invalid x-berth block'}`, { problems: issues });
  }
  const { parameters = {}, categories, ...meta } = parsed.data;
  const template: Template = {
    metadata: { ...dropUndefined(meta), categories: typeof categories === 'string' ? [categories] : (categories ?? []) },
    parameters: Object.entries(parameters).map(([name, p]) => toParameter(name, p)),
    compose,
  };
  checkTemplate(template, what);
  return template;
}

function toParameter(name: string, p: z.output<typeof parameter>): TemplateParameter {
  return dropUndefined({
    name,
    label: p.label ?? name,
    description: p.description,
    default: p.default,
    required: p.required ?? false,
    secret: p.secret ?? false,
    options: p.options?.map((o) => (typeof o === 'string' ? { value: o } : dropUndefined(o))),
    pattern: p.pattern,
  });
}

/** Structural checks shared by every way a template is made: services present, patterns and defaults sane, paths inside. */
export function checkTemplate(t: Template, what: string): void {
  if (!isRecord(t.compose.services) || Object.keys(t.compose.services).length === 0) throw invalid(`${what} defines no services.`);
  for (const p of t.parameters) {
    if (p.pattern !== undefined) {
      try {
        new RegExp(p.pattern, 'u');
      } catch (err) {
        throw invalid(`${what}: parameter ${p.name} has an invalid pattern: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (p.options && p.options.length === 0) throw invalid(`${what}: parameter ${p.name} has an empty options list.`);
    if (p.default !== undefined && p.options && !p.options.some((o) => o.value === p.default)) {
      throw invalid(`${what}: the default of parameter ${p.name} ("${p.default}") is not one of its options.`);
    }
  }
  checkTemplatePaths(t.compose, what);
}

/** The template file: x-berth first (what a reader wants to see), then the compose document as it was. */
export function renderTemplate(t: Template): string {
  const parameters = Object.fromEntries(
    t.parameters.map(({ name, label, required, secret, options, ...rest }) => [
      name,
      dropUndefined({ label: label === name ? undefined : label, ...rest, required: required || undefined, secret: secret || undefined, options }),
    ]),
  );
  const { categories, ...meta } = t.metadata;
  const block = dropUndefined({ ...meta, categories: categories.length ? categories : undefined, parameters: t.parameters.length ? parameters : undefined });
  return toYaml({ 'x-berth': escapeDollars(block), ...t.compose });
}

// The loader interpolates x- blocks too, so a literal `$` in metadata is written `$$`, as compose escapes it.
const escapeDollars = (v: unknown): unknown => mapStrings(v, (s) => s.replace(/\$/g, '$$$$'));
const unescapeDollars = (v: unknown): unknown => mapStrings(v, (s) => s.replace(/\$\$/g, '$'));

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/** Copies an object without its undefined fields (exactOptionalPropertyTypes-friendly DTOs). */
export function dropUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
