import type { TemplateParameter } from '../../contract';
import { invalid } from './yaml';

export interface ParameterProblem {
  parameter: string;
  message: string;
}

/**
 * The values a deploy uses: the user's, else the defaults. Every problem is collected (a form shows them all at
 * once) and thrown as one INVALID_ARGUMENT with `details.problems`; values for unknown names are refused too,
 * so a typo in `--set` is not silently ignored.
 */
export function resolveValues(parameters: TemplateParameter[], given: Record<string, string>): Record<string, string> {
  const problems: ParameterProblem[] = [];
  const known = new Set(parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) problems.push({ parameter: name, message: `the template has no parameter ${name}${known.size ? ` (it has ${[...known].join(', ')})` : ''}` });
  }
  const values: Record<string, string> = {};
  for (const p of parameters) {
    const value = Object.hasOwn(given, p.name) ? given[p.name] : p.default;
    if (value === undefined || value === '') {
      if (p.required) problems.push({ parameter: p.name, message: `${p.label} is required` });
      values[p.name] = '';
      continue;
    }
    const problem = checkValue(p, value);
    if (problem) problems.push({ parameter: p.name, message: problem });
    values[p.name] = value;
  }
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw invalid(`${first?.parameter ?? ''}: ${first?.message ?? 'invalid value'}${more}`, { problems });
  }
  return values;
}

/** Why one value is not acceptable, or undefined when it is. Secrets are never echoed back. */
export function checkValue(p: TemplateParameter, value: string): string | undefined {
  if (/[\n\r\0]/.test(value)) return `${p.label} must be a single line`;
  const shown = p.secret ? 'the value' : `"${value}"`;
  if (p.options && !p.options.some((o) => o.value === value)) {
    return `${shown} is not one of the choices for ${p.label}: ${p.options.map((o) => o.value).join(', ')}`;
  }
  if (p.pattern !== undefined && !new RegExp(`^(?:${p.pattern})$`, 'u').test(value)) {
    return `${shown} does not match the pattern of ${p.label} (${p.pattern})`;
  }
  return undefined;
}

/** A .env file compose reads back exactly: every value single-quoted (no interpolation, no escapes inside). */
export function toDotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => (v.includes("'") ? `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"` : `${k}='${v}'`))
    .join('\n')
    .concat('\n');
}
