import {
  HTTP_PATHS,
  LOGIN_CODE_FRAGMENT,
  LOGIN_TOKEN_FRAGMENT,
  TOKEN_HEADER,
  type AuthMode,
  type WebSessionGrant,
} from './contract';

/**
 * Web mode's sign-in (docs/adr/0009-web-credentials-and-access.md). The URL Berth prints carries a one-time
 * code in its fragment (never sent to a server, never in a Referer); the page exchanges it for a session and
 * keeps that in localStorage, which belongs to this origin only, port included. No cookie is involved: cookies
 * ignore ports, so every other server on 127.0.0.1 would receive them.
 */
export const SESSION_STORAGE_KEY = 'berth.session';

export type WebSignIn = { ok: true; grant: WebSessionGrant } | { ok: false; message: string };

interface Env {
  location: Pick<Location, 'hash' | 'origin' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
}

const notSignedIn =
  'This page is not signed in to Berth. Open the link Berth printed when it started (each link works once); ' +
  'if it was used already, restart `berth web` for a new one.';

/** Signs the page in: a code or token in the fragment first, else the stored session if it is still alive. */
export async function establishWebSession(env: Env): Promise<WebSignIn> {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const code = fragment.get(LOGIN_CODE_FRAGMENT);
  const token = fragment.get(LOGIN_TOKEN_FRAGMENT);
  if (code !== null || token !== null) {
    // Out of the address bar and history at once, whatever the exchange answers.
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
    const answer = await post(env, code !== null ? { body: { code } } : { header: token ?? '' });
    if (answer) {
      env.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(answer));
      return { ok: true, grant: answer };
    }
    return { ok: false, message: `That sign-in link was already used or has expired. ${notSignedIn}` };
  }
  const stored = readStored(env.storage);
  if (stored && (await alive(env, stored.secret))) return { ok: true, grant: stored };
  env.storage.removeItem(SESSION_STORAGE_KEY);
  return { ok: false, message: notSignedIn };
}

async function post(
  env: Env,
  by: { body: { code: string } } | { header: string },
): Promise<WebSessionGrant | undefined> {
  try {
    const res = await env.fetch(`${env.location.origin}${HTTP_PATHS.session}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...('header' in by ? { [TOKEN_HEADER]: by.header } : {}),
      },
      body: JSON.stringify('body' in by ? by.body : {}),
      credentials: 'omit',
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { ok?: boolean; value?: unknown };
    return body.ok === true && isGrant(body.value) ? body.value : undefined;
  } catch {
    return undefined;
  }
}

async function alive(env: Env, secret: string): Promise<boolean> {
  try {
    const res = await env.fetch(`${env.location.origin}${HTTP_PATHS.session}`, {
      headers: { [TOKEN_HEADER]: secret },
      credentials: 'omit',
    });
    return res.ok;
  } catch {
    // Berth is not reachable right now: keep the session, the client reconnects when it is back.
    return true;
  }
}

function readStored(storage: Env['storage']): WebSessionGrant | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null');
    return isGrant(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isGrant(value: unknown): value is WebSessionGrant {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.secret === 'string' && typeof v.transferKey === 'string' && typeof v.role === 'string';
}

/** How this server signs people in (public); single-user when it cannot tell (an older server). */
export async function fetchAuthMode(env: Pick<Env, 'location' | 'fetch'>): Promise<AuthMode> {
  try {
    const res = await env.fetch(`${env.location.origin}${HTTP_PATHS.auth}`, { credentials: 'omit' });
    const body = (await res.json()) as { ok?: boolean; value?: AuthMode };
    if (body.ok && body.value) return body.value;
  } catch {
    // Unreachable: the sign-in page says the server cannot be reached when the form is sent.
  }
  return { mode: 'single-user', setupRequired: false };
}

export type PasswordSignIn = { ok: true; grant: WebSessionGrant } | { ok: false; message: string; field?: string };

/** Accounts mode: a username and password (HTTP_PATHS.login), or the first admin with the setup token. */
export async function signInWithPassword(
  env: Pick<Env, 'location' | 'fetch' | 'storage'>,
  body: { username: string; password: string; token?: string },
): Promise<PasswordSignIn> {
  const path = body.token !== undefined ? HTTP_PATHS.setup : HTTP_PATHS.login;
  try {
    const res = await env.fetch(`${env.location.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    const answer = (await res.json()) as {
      ok?: boolean;
      value?: unknown;
      error?: { message?: string; details?: { path?: string }[] };
    };
    if (answer.ok === true && isGrant(answer.value)) {
      env.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(answer.value));
      return { ok: true, grant: answer.value };
    }
    const field = answer.error?.details?.[0]?.path;
    return { ok: false, message: answer.error?.message ?? `Sign-in failed (HTTP ${res.status}).`, ...(field ? { field } : {}) };
  } catch {
    return { ok: false, message: 'Berth cannot be reached; check that it is still running, then try again.' };
  }
}

/** Ends the session on the server and forgets it here. */
export async function signOut(env: Pick<Env, 'location' | 'fetch' | 'storage'>, secret: string): Promise<void> {
  env.storage.removeItem(SESSION_STORAGE_KEY);
  try {
    await env.fetch(`${env.location.origin}${HTTP_PATHS.logout}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: secret, 'content-type': 'application/json' },
      body: '{}',
      credentials: 'omit',
    });
  } catch {
    // The server is gone; the session dies with it or at its deadline.
  }
}

/** The session this page signed in with, for signing out. */
export const storedSession = (storage: Env['storage']): WebSessionGrant | undefined => readStored(storage);
