import type { TemplateParameter } from '../../api/contract';

/** The form's starting values: each parameter's default, else its first choice, else empty. */
export function initialValues(parameters: readonly TemplateParameter[]): Record<string, string> {
  return Object.fromEntries(parameters.map((p) => [p.name, p.default ?? p.options?.[0]?.value ?? '']));
}

/**
 * Why one value would be refused, as the backend checks it (templates.preview says the same), or undefined.
 * Checked as the user types, so the form shows each problem next to its field before anything is sent.
 */
export function valueProblem(p: TemplateParameter, value: string): string | undefined {
  if (value === '') return p.required ? `${p.label} is required.` : undefined;
  if (/[\n\r\0]/.test(value)) return `${p.label} must be a single line.`;
  if (p.options && !p.options.some((o) => o.value === value)) {
    return `Choose one of: ${p.options.map((o) => o.label ?? o.value).join(', ')}.`;
  }
  if (p.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${p.pattern})$`, 'u');
    } catch {
      return undefined; // The backend reports a template's broken pattern; the form cannot do better.
    }
    if (!re.test(value)) return `${p.secret ? 'The value' : `"${value}"`} does not match the expected format (${p.pattern}).`;
  }
  return undefined;
}

/** Every field's problem, by parameter name (only fields with one). */
export function valueProblems(parameters: readonly TemplateParameter[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parameters) {
    const problem = valueProblem(p, values[p.name] ?? '');
    if (problem) out[p.name] = problem;
  }
  return out;
}

/** A compose project name from what the user typed (compose's rule: lowercase letters, digits, `-` and `_`). */
export function projectNameProblem(name: string): string | undefined {
  if (name === '') return 'A project name is required.';
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) return 'Use lowercase letters, digits, "-" and "_", starting with a letter or digit.';
  return undefined;
}
