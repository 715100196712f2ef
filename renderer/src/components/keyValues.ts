/** Parses "key=value" lines (labels, driver options); blank lines are skipped. Returns an error per bad line. */
export function parseKeyValues(
  text: string,
  what: string,
): { values: Record<string, string> } | { error: string } {
  const values: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { error: `Line ${i + 1} of the ${what}: write key=value, e.g. team=infra.` };
    values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { values };
}

/** The engine's rule for volume and network names. */
export const NAME_RULE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
export const nameProblem = (name: string, minLength = 1): string | null =>
  name.length < minLength
    ? `Use at least ${minLength} characters.`
    : NAME_RULE.test(name)
      ? null
      : 'Use letters, digits, "_", "." and "-", starting with a letter or digit.';
