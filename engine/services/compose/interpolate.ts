import { ComposeIssue, type KeyPath } from './problems';
import { setOwn } from './yaml-source';

export type Lookup = (name: string) => string | undefined;

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/**
 * Substitutes compose variables in one string: `$$`, `$VAR`, `${VAR}`, and the `:-`, `-`, `:?`, `?`, `:+`, `+`
 * forms with nested expressions in their argument, as compose does. Unset variables without a default become ''
 * and are reported through `onUnset`, so the caller can warn once per name.
 */
export function interpolateString(input: string, lookup: Lookup, onUnset: (name: string) => void): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '$') {
      out += ch;
      i += 1;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(input, i + 2);
      if (end < 0) throw invalid(input);
      out += braced(input.slice(i + 2, end), input, lookup, onUnset);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(input.slice(i + 1))?.[0];
    if (name === undefined) throw invalid(input);
    out += valueOf(name, lookup, onUnset);
    i += 1 + name.length;
  }
  return out;
}

function invalid(input: string): ComposeIssue {
  return new ComposeIssue(
    `invalid interpolation format in "${input}"; you may need to escape a literal $ as $$`,
  );
}

/** Index of the `}` closing a `${` whose body starts at `from`, honouring nested `${...}` and `$$`. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$') i += 1;
    else if (s[i] === '$' && s[i + 1] === '{') {
      depth += 1;
      i += 1;
    } else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function valueOf(name: string, lookup: Lookup, onUnset: (name: string) => void): string {
  const value = lookup(name);
  if (value === undefined) onUnset(name);
  return value ?? '';
}

function braced(body: string, input: string, lookup: Lookup, onUnset: (name: string) => void): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw invalid(input);
  const rest = body.slice(name.length);
  if (rest === '') return valueOf(name, lookup, onUnset);
  const op = /^(:-|:\?|:\+|-|\?|\+)/.exec(rest)?.[0];
  if (op === undefined) throw invalid(input);
  const arg = () => interpolateString(rest.slice(op.length), lookup, onUnset);
  const value = lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (op) {
    case ':-':
      return nonEmpty ? value : arg();
    case '-':
      return set ? value : arg();
    case ':+':
      return nonEmpty ? arg() : '';
    case '+':
      return set ? arg() : '';
    default: {
      // `:?` and `?`: a required variable; the argument is the message the user wrote.
      const ok = op === ':?' ? nonEmpty : set;
      if (ok) return value ?? '';
      const message = arg();
      throw new ComposeIssue(
        `required variable ${name} is missing a value${message === '' ? '' : `: ${message}`}`,
      );
    }
  }
}

export interface InterpolationHooks {
  lookup: Lookup;
  onUnset: (name: string) => void;
  /** Called for each bad string (with its key path); loading goes on so all problems are reported at once. */
  onError: (issue: ComposeIssue) => void;
}

/** Interpolates every string value (never a key) of a parsed compose document. */
export function interpolateValue(value: unknown, hooks: InterpolationHooks, path: KeyPath = []): unknown {
  if (typeof value === 'string') {
    try {
      return interpolateString(value, hooks.lookup, hooks.onUnset);
    } catch (err) {
      if (!(err instanceof ComposeIssue)) throw err;
      hooks.onError(new ComposeIssue(err.message, path));
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateValue(v, hooks, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, interpolateValue(v, hooks, [...path, k]));
    return out;
  }
  return value;
}
