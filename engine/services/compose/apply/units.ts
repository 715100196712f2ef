import { ComposeIssue } from '../problems';
import { parseDuration } from '../normalize/duration';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** compose's byte sizes: a number of bytes, or "512m", "1.5g", "100kb" (binary units, case-insensitive). */
export function parseBytes(value: unknown, what: string): number {
  if (typeof value === 'number') return Math.round(value);
  const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)b?\s*$/i.exec(String(value));
  if (!m) throw new ComposeIssue(`${what} "${String(value)}" is not a size (use e.g. 512m, 1g, 1048576)`);
  return Math.round(Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** A normalised duration ("1m30s") as the nanoseconds the Engine API wants. */
export const durationNs = (value: unknown): number => parseDuration(String(value));

/** A duration in whole seconds (stop_grace_period → StopTimeout). */
export const durationSeconds = (value: unknown): number => Math.ceil(parseDuration(String(value)) / 1e9);

/**
 * Splits a command string the way compose does (POSIX shell words: quotes and backslashes, no expansion),
 * so `command: echo "a b"` runs `echo` with one argument `a b`.
 */
export function shellSplit(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new ComposeIssue(`unterminated ${quote} quote in "${text}"`);
  if (inWord) out.push(word);
  return out;
}

/** command/entrypoint: a list stays as it is, a string is split into words, null means "the image's". */
export function commandArgs(value: string | string[] | null | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : shellSplit(value);
}

/** A scalar of the model as text (numbers and booleans as written); objects as JSON, never "[object Object]". */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
