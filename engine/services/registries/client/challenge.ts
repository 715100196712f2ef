/** A parsed `WWW-Authenticate` header: how a registry asks to be authenticated. */
export interface Challenge {
  scheme: 'basic' | 'bearer';
  /** realm, service, scope, error... as the registry sent them. */
  params: Record<string, string>;
}

const PARAM = /([a-zA-Z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;

/**
 * Reads the first Basic or Bearer challenge. Values are quoted strings that may contain commas (scopes such as
 * "repository:a:pull,push"), so a split on commas would be wrong.
 */
export function parseChallenge(header: string | string[] | undefined): Challenge | undefined {
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (!value) return undefined;
  const match = /^\s*(basic|bearer)\b(.*)$/is.exec(value);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const m of (match[2] ?? '').matchAll(PARAM)) {
    const key = m[1]?.toLowerCase();
    if (key) params[key] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: match[1]?.toLowerCase() === 'basic' ? 'basic' : 'bearer', params };
}

/** The `next` cursor of a paginated listing, from `Link: </v2/_catalog?last=x&n=100>; rel="next"`. */
export function nextCursor(link: string | string[] | undefined): string | undefined {
  const value = Array.isArray(link) ? link.join(', ') : link;
  const m = value ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(value) : null;
  if (!m?.[1]) return undefined;
  return new URL(m[1], 'http://registry.invalid').searchParams.get('last') ?? undefined;
}
