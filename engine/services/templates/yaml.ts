import { stringify } from 'yaml';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { parseComposeYaml } from '../compose';

/**
 * Parses YAML or JSON from an untrusted source with the compose loader's own defensive parser (size, alias and
 * expansion limits, duplicate keys, no prototype keys), so every template format gets the same protection.
 */
export function parseUntrusted(text: string, what: string): unknown {
  const { parsed, problems } = parseComposeYaml(text);
  if (!parsed || problems.length > 0) {
    const lines = problems.map((p) => (p.pos ? `line ${p.pos.line}: ${p.message}` : p.message));
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `${what} cannot be read: ${lines[0] ?? 'not YAML or JSON'}`, { problems: lines });
  }
  return parsed.value;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** YAML as Berth writes template files: no line folding, no anchors (each value stands alone). */
export const toYaml = (value: unknown): string => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });

export const invalid = (message: string, details?: unknown): BerthError => new BerthError(ErrorCode.INVALID_ARGUMENT, message, details);

/** A file-system-safe name derived from a title: lowercase letters, digits and dashes. */
export function slugify(text: string, fallback = 'template'): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || fallback;
}
