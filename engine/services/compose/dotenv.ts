import { interpolateString, type Lookup } from './interpolate';
import { ComposeIssue } from './problems';

/**
 * Parses a `.env` / `env_file` file the way Compose does: `KEY=VALUE` (or `KEY: VALUE`), optional `export `,
 * `#` comments, single quotes (literal), double quotes (escapes, may span lines), unquoted values with inline
 * ` #` comments stripped, and `${VAR}` interpolation in unquoted and double-quoted values. Variables come from
 * `lookup` first (the process environment), then from keys defined earlier in the same file.
 * A bare `KEY` line takes KEY's value from `lookup`, and is skipped when it is unset there.
 */
export function parseDotEnv(
  text: string,
  lookup: Lookup = () => undefined,
  onUnset: (name: string) => void = () => {},
): Record<string, string> {
  const out: Record<string, string> = {};
  const resolve: Lookup = (name) => lookup(name) ?? (Object.hasOwn(out, name) ? out[name] : undefined);
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const eol = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    const raw = src.slice(i, eol);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i = eol + 1;
      line += 1;
      continue;
    }
    const decl = /^\s*(?:export\s+)?([^\s=:#]+)\s*([=:])?/.exec(raw);
    const key = decl?.[1];
    if (decl === null || key === undefined || !/^[A-Za-z_.][A-Za-z0-9_.\-[\]]*$/.test(key)) {
      // Never the line itself: it may hold a secret (a pasted token, a key with a typo before its value).
      const at = badNameCharacter(trimmed);
      throw new ComposeIssue(
        `line ${line}: unexpected character ${JSON.stringify(trimmed.charAt(at))} at column ${at + 1} of the ` +
          'variable name (names use letters, digits, _ . - [ ] and do not start with a digit or -)',
      );
    }
    if (decl[2] === undefined) {
      if (raw.slice(decl[0].length).trim() !== '')
        throw new ComposeIssue(`line ${line}: expected "=" after ${key}`);
      const inherited = lookup(key);
      if (inherited !== undefined) out[key] = inherited;
      i = eol + 1;
      line += 1;
      continue;
    }
    let j = i + decl[0].length;
    while (src[j] === ' ' || src[j] === '\t') j += 1;
    const quote = src[j];
    if (quote === "'" || quote === '"') {
      const close = findClosingQuote(src, j + 1, quote);
      if (close < 0) throw new ComposeIssue(`line ${line}: unterminated quoted value for ${key}`);
      const body = src.slice(j + 1, close);
      out[key] = quote === "'" ? body : interpolateString(unescapeDouble(body), resolve, onUnset);
      const after = src.indexOf('\n', close) < 0 ? src.length : src.indexOf('\n', close);
      const tail = src.slice(close + 1, after).trim();
      if (tail !== '' && !tail.startsWith('#'))
        throw new ComposeIssue(`line ${line}: unexpected text after the quoted value of ${key}`);
      line += countNewlines(src.slice(i, after)) + 1;
      i = after + 1;
      continue;
    }
    const value = src
      .slice(j, eol)
      .replace(/(^|\s)#.*$/, '')
      .trim();
    out[key] = interpolateString(value, resolve, onUnset);
    i = eol + 1;
    line += 1;
  }
  return out;
}

function findClosingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (quote === '"' && s[i] === '\\') i += 1;
    else if (s[i] === quote) return i;
  }
  return -1;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n += 1;
  return n;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$$' };

/** Double-quoted escapes; `\$` stays an escaped dollar (`$$`) so interpolation keeps it literal. */
function unescapeDouble(body: string): string {
  return body.replace(/\\(.)/g, (all, ch: string) => ESCAPES[ch] ?? all);
}

/** Index of the first character that cannot be part of a variable name (the error points at it, not the line). */
function badNameCharacter(text: string): number {
  const body = text.replace(/^export\s+/, '');
  const offset = text.length - body.length;
  for (let k = 0; k < body.length; k += 1) {
    const c = body.charAt(k);
    const ok = k === 0 ? /[A-Za-z_.]/.test(c) : /[A-Za-z0-9_.\-[\]]/.test(c);
    if (!ok) return offset + k;
  }
  return offset;
}
