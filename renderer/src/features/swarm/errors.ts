import type { BerthErrorData } from '../../api/contract';

/** A form's problems by field path ("image", "ports.0.target"). */
export type FieldErrors = Record<string, string>;

/**
 * The validation issues a refused call carries (the dispatcher's `details`: [{ path, message }]), by path,
 * with `prefix` ("spec.") taken off so they match the form's own keys.
 */
export function issuesOf(error: BerthErrorData | null, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  if (!error || !Array.isArray(error.details)) return out;
  for (const item of error.details as unknown[]) {
    const issue = item as { path?: unknown; message?: unknown };
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const path = issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    out[path] ??= issue.message;
  }
  return out;
}

/** Why a join failed, placed on the field the user should fix (the token or the manager's address). */
export function joinProblem(error: BerthErrorData): FieldErrors {
  const issues = issuesOf(error);
  const fields: FieldErrors = {};
  if (issues.joinToken) fields.token = issues.joinToken;
  const addr = Object.entries(issues).find(([k]) => k.startsWith('remoteAddrs'));
  if (addr) fields.manager = addr[1];
  if (Object.keys(fields).length) return fields;
  const m = error.message;
  if (/token/i.test(m)) {
    fields.token =
      'The manager refused this token: copy it again with "docker swarm join-token worker" (or manager) on a manager; it may have been rotated.';
  } else if (/connect|unreachable|timeout|timed out|refused|no route|dial|deadline|resolve|lookup/i.test(m)) {
    fields.manager =
      'No manager answered at this address: check the host and port (2377) and that a firewall lets it through.';
  } else if (/already part of a swarm/i.test(m)) {
    fields.manager = 'This engine is already in a swarm: leave it first.';
  }
  return fields;
}
