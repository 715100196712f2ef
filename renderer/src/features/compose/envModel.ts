// A .env file as rows for the table editor. Comments, blank lines and untouched entries keep their exact text,
// so switching between the table and the raw text never rewrites what the user did not change.

export type EnvLine =
  | { kind: 'entry'; key: string; value: string; /** The original line, while the entry is unchanged. */ raw?: string }
  | { kind: 'other'; text: string };

const ENTRY = /^\s*(?:export\s+)?([^=\s#]*)\s*=(.*)$/;
export const VALID_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function parseEnv(text: string): EnvLine[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // A trailing newline ends the last line; it does not start a new one.
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line): EnvLine => {
    const m = ENTRY.exec(line);
    if (!m || line.trimStart().startsWith('#')) return { kind: 'other', text: line };
    return { kind: 'entry', key: m[1] ?? '', value: (m[2] ?? '').trim(), raw: line };
  });
}

export function serializeEnv(lines: EnvLine[]): string {
  if (lines.length === 0) return '';
  return `${lines.map((l) => (l.kind === 'other' ? l.text : (l.raw ?? `${l.key}=${l.value}`))).join('\n')}\n`;
}

/** The entries with their index in `lines`, for the table. */
export const entriesOf = (lines: EnvLine[]) =>
  lines.flatMap((l, index) => (l.kind === 'entry' ? [{ index, key: l.key, value: l.value }] : []));

export function setEntry(lines: EnvLine[], index: number, change: { key?: string; value?: string }): EnvLine[] {
  return lines.map((l, i) => (i === index && l.kind === 'entry' ? { kind: 'entry', key: change.key ?? l.key, value: change.value ?? l.value } : l));
}

export const addEntry = (lines: EnvLine[]): EnvLine[] => [...lines, { kind: 'entry', key: '', value: '' }];
export const removeEntry = (lines: EnvLine[], index: number): EnvLine[] => lines.filter((_l, i) => i !== index);

/** Why the table cannot be saved as it is (empty, invalid or duplicate keys), or null. */
export function envProblem(lines: EnvLine[]): string | null {
  const seen = new Set<string>();
  for (const e of entriesOf(lines)) {
    if (e.key === '') return 'A variable has no name.';
    if (!VALID_KEY.test(e.key)) return `"${e.key}" is not a valid variable name (letters, digits and _ ; not starting with a digit).`;
    if (seen.has(e.key)) return `${e.key} is defined twice; compose would use the last one.`;
    seen.add(e.key);
  }
  return null;
}
