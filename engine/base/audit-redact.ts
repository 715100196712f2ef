/**
 * The audit log keeps who did what to which object, not the secrets they passed: it is readable by whoever
 * may read the log (admins today, an auditor role later) and it outlives the values. Redacted before storing:
 * - values of environment maps and build args (`env`, `environment`, `buildArgs`, `args` records): keys kept;
 * - whole texts that routinely hold secrets: `.env` contents (`envFile`), edited file `content`;
 * - any field named like a credential (password, secret, token, auth, credential, key material).
 */
export const REDACTED = '[redacted]';

const VALUE_MAPS = new Set(['env', 'environment', 'buildargs', 'build_args', 'labels_secret']);
const WHOLE_TEXTS = new Set(['envfile', 'content', 'dotenv']);
const CREDENTIAL = /pass(word|phrase)?|secret|token|auth|credential|private_?key|^key$|^cert$|^ca$/i;

export function redactSecrets(value: unknown, key = ''): unknown {
  const k = key.toLowerCase();
  if (value === null || value === undefined) return value;
  if (k && CREDENTIAL.test(key)) return REDACTED;
  if (WHOLE_TEXTS.has(k) && typeof value === 'string') return `${REDACTED} (${value.length} characters)`;
  if (VALUE_MAPS.has(k)) return redactValues(value);
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value)) out[name] = redactSecrets(v, name);
    return out;
  }
  return value;
}

/** A map keeps its keys; a KEY=VALUE list keeps the part before '='. */
function redactValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? `${v.split('=')[0] ?? ''}=${REDACTED}` : REDACTED));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).map((name) => [name, REDACTED]));
  }
  return REDACTED;
}
