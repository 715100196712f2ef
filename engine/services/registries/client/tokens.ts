import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../base/errors';
import type { Challenge } from './challenge';
import type { HttpResponse } from './http';
import { parseJson } from './manifest';

type Exchange = (url: URL, authorization?: string) => Promise<HttpResponse>;

interface Cached {
  token: string;
  expires: number;
}

/**
 * Bearer tokens for one registry, per scope: fetched from the realm the registry's challenge names (with the
 * user's Basic credentials when there are any, anonymously otherwise) and reused until shortly before expiry.
 */
export class TokenCache {
  private realm?: { url: string; service?: string };
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly exchange: Exchange,
    private readonly host: string,
    private readonly credentials?: { username: string; password: string },
  ) {}

  forget(scope: string): void {
    this.cache.delete(scope);
  }

  /** A token for `scope` (the challenge's own scope wins: it names exactly what the registry wants). */
  async get(challenge: Challenge | undefined, fallbackScope: string): Promise<string | undefined> {
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      this.realm = {
        url: challenge.params.realm,
        ...(challenge.params.service ? { service: challenge.params.service } : {}),
      };
    }
    if (!this.realm) return undefined;
    const scope = challenge?.params.scope ?? fallbackScope;
    const hit = this.cache.get(scope);
    if (hit && hit.expires > Date.now()) return hit.token;
    const fetched = await this.fetch(this.realm, scope);
    this.cache.set(scope, fetched);
    return fetched.token;
  }

  private async fetch(realm: { url: string; service?: string }, scope: string): Promise<Cached> {
    let url: URL;
    try {
      url = new URL(realm.url);
    } catch {
      throw new BerthError(
        ErrorCode.UNAVAILABLE,
        `The registry ${this.host} named an invalid token service address "${realm.url}".`,
      );
    }
    if (realm.service) url.searchParams.set('service', realm.service);
    // Several scopes may be asked at once ("repository:a:pull repository:b:pull"); each is its own parameter.
    for (const s of scope.split(' ').filter(Boolean)) url.searchParams.append('scope', s);
    const creds = this.credentials;
    if (creds) url.searchParams.set('account', creds.username);
    const basic = creds
      ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
      : undefined;
    const res = await this.exchange(url, basic);
    if (res.status === 401 || res.status === 403) {
      throw new BerthError(
        ErrorCode.UNAUTHENTICATED,
        creds
          ? `The registry ${this.host} refused the user name or password.`
          : `The registry ${this.host} needs you to sign in.`,
        { status: res.status, tokenService: url.origin },
      );
    }
    if (res.status !== 200) {
      throw new BerthError(
        ErrorCode.UNAVAILABLE,
        `The token service of ${this.host} answered HTTP ${res.status}.`,
        {
          status: res.status,
          tokenService: url.origin,
        },
      );
    }
    const json = parseJson(res.body, 'token');
    const token =
      typeof json.token === 'string'
        ? json.token
        : typeof json.access_token === 'string'
          ? json.access_token
          : undefined;
    if (!token)
      throw new BerthError(ErrorCode.UNAVAILABLE, `The token service of ${this.host} sent no token.`);
    // The spec's default lifetime is 60 s; renew 10 s early so a request never carries a token about to lapse.
    const lifetime = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
    return { token, expires: Date.now() + Math.max(lifetime - 10, 5) * 1000 };
  }
}
