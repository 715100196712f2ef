import type { ErrorObject, ValidateFunction } from 'ajv';
import { type KeyPath } from './problems';

export interface SchemaProblem {
  path: KeyPath;
  message: string;
}

let compiled: Promise<ValidateFunction> | undefined;

/**
 * The validator is imported on the first validation, not with this module: in the bundles it is ~0.5 MB of
 * precompiled code (its own chunk), which commands that load no compose file (`compose ps -p`) never parse.
 */
function validator(): Promise<ValidateFunction> {
  compiled ??= import('./schema/validator').then((m) => m.composeSpecValidator());
  return compiled;
}

/** Validates one (interpolated) compose document against the official compose-spec schema. */
export async function validateAgainstSchema(document: unknown): Promise<SchemaProblem[]> {
  const validate = await validator();
  if (validate(document)) return [];
  return summarise(validate.errors ?? []);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function joinOr(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * ajv reports every failing `oneOf` branch; people need one sentence per place. Keep the deepest errors (a
 * branch that got further explains more), then fold type errors at one place into "must be a string or a list".
 */
function summarise(errors: ErrorObject[]): SchemaProblem[] {
  const relevant = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const deepest = relevant.filter(
    (e) => !relevant.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`) && e.keyword === 'type'),
  );
  const byPlace = new Map<string, ErrorObject[]>();
  for (const e of deepest) byPlace.set(e.instancePath, [...(byPlace.get(e.instancePath) ?? []), e]);
  const out: SchemaProblem[] = [];
  for (const [pointer, errs] of byPlace) {
    const path = pointerToPath(pointer);
    const typeErrors = errs.filter((e) => e.keyword === 'type');
    const others = errs.filter((e) => e.keyword !== 'type');
    for (const e of others) out.push(describe(e, path));
    if (typeErrors.length > 0 && others.length === 0) {
      const types = new Set<string>();
      for (const e of typeErrors) {
        const t = (e.params as { type: string | string[] }).type;
        for (const one of Array.isArray(t) ? t : t.split(',')) types.add(TYPE_WORDS[one] ?? one);
      }
      out.push({ path, message: `must be ${joinOr([...types])}` });
    }
  }
  return out;
}

function describe(e: ErrorObject, path: (string | number)[]): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const where = path.length === 0 ? 'at the top level' : '';
      return { path: [...path, key], message: `unknown key "${key}"${where === '' ? '' : ` ${where}`} is not allowed by the compose specification` };
    }
    case 'required':
      return { path, message: `missing required key "${String(params.missingProperty)}"` };
    case 'enum':
      return { path, message: `must be one of ${joinOr((params.allowedValues as unknown[]).map((v) => JSON.stringify(v)))}` };
    case 'uniqueItems':
      return { path, message: `must not contain duplicate items (items ${String(params.j)} and ${String(params.i)} are equal)` };
    case 'pattern':
      return { path, message: `"${String(valueHint(e))}" does not match the expected format` };
    default:
      return { path, message: e.message ?? `is invalid (${e.keyword})` };
  }
}

function valueHint(e: ErrorObject): unknown {
  return (e as ErrorObject & { data?: unknown }).data ?? '';
}
