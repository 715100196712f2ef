import {
  ErrorCode,
  type RegistryImageConfig,
  type RegistryManifest,
  type RegistryPage,
  type RegistryPing,
} from '../../../contract';
import { BerthError } from '../../../base/errors';
import { nextCursor, parseChallenge, type Challenge } from './challenge';
import { failure, httpFailure } from './errors';
import { HttpFailure, httpRequest, type HttpResponse } from './http';
import { digestOf, MANIFEST_ACCEPT, parseImageConfig, parseJson, parseManifest } from './manifest';
import { TokenCache } from './tokens';

export interface RegistryEndpoint {
  /** Base URL: https://registry.example.com or http://127.0.0.1:5000 (plain HTTP only when the user allowed it). */
  url: string;
  credentials?: { username: string; password: string };
  /** PEM of a private CA to trust for this registry. */
  ca?: string;
  timeoutMs?: number;
}

const COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const REFERENCE = /^(?:[\w][\w.-]{0,127}|sha256:[a-f0-9]{64})$/;

function checkRepository(repository: string): void {
  if (repository.length > 255 || !REPOSITORY.test(repository)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${repository}" is not a valid repository name.`);
  }
}

function checkReference(reference: string): void {
  if (!REFERENCE.test(reference)) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${reference}" is neither a tag nor a sha256 digest.`);
  }
}

function checkDigest(digest: string): void {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `"${digest}" is not a sha256 digest; resolve a tag to its digest first.`,
    );
  }
}

interface Send {
  method?: 'GET' | 'HEAD' | 'DELETE';
  accept?: string;
  /** The scope a Bearer token needs, when the registry's challenge does not say (it usually does). */
  scope: string;
  /** What the request is about, for error messages: "repository library/nginx". */
  what: string;
}

/**
 * A client for one registry speaking the Distribution (v2) API: ping, catalog and tags with pagination,
 * manifests and indexes, image configs and deletes. Authentication follows the registry's challenge: Basic, or
 * Bearer tokens fetched from the realm it names with the scopes it asks for (cached until they expire).
 */
export class RegistryClient {
  private readonly base: URL;
  private readonly tokens: TokenCache;
  private scheme: 'none' | 'basic' | 'bearer' = 'none';

  constructor(private readonly endpoint: RegistryEndpoint) {
    this.base = new URL(endpoint.url);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        `A registry address starts with https:// or http://, not "${endpoint.url}".`,
      );
    }
    this.tokens = new TokenCache(
      (url, authorization) => this.exchange(url, 'the token service', undefined, authorization),
      this.base.host,
      endpoint.credentials,
    );
  }

  /** The registry's host, as image references name it. */
  get host(): string {
    return this.base.host;
  }

  async ping(): Promise<RegistryPing> {
    const res = await this.send('/v2/', { scope: '', what: 'the registry' });
    const version = res.headers['docker-distribution-api-version'];
    return { ...(typeof version === 'string' ? { apiVersion: version } : {}), auth: this.scheme };
  }

  async catalog(page: { n?: number; last?: string } = {}): Promise<RegistryPage<string>> {
    const res = await this.send(`/v2/_catalog${query(page)}`, {
      scope: 'registry:catalog:*',
      what: 'the catalog',
    });
    const json = parseJson(res.body, 'catalog');
    return paged(json.repositories, res);
  }

  async tags(repository: string, page: { n?: number; last?: string } = {}): Promise<RegistryPage<string>> {
    checkRepository(repository);
    const res = await this.send(`/v2/${repository}/tags/list${query(page)}`, pull(repository));
    const json = parseJson(res.body, 'tag list');
    return paged(json.tags, res);
  }

  async manifest(repository: string, reference: string): Promise<RegistryManifest> {
    checkRepository(repository);
    checkReference(reference);
    const res = await this.send(`/v2/${repository}/manifests/${reference}`, {
      ...pull(repository),
      accept: MANIFEST_ACCEPT,
    });
    const type = res.headers['content-type'];
    return parseManifest(res.body, type, digestOf(res.body, res.headers['docker-content-digest']));
  }

  async imageConfig(repository: string, digest: string): Promise<RegistryImageConfig> {
    checkRepository(repository);
    checkDigest(digest);
    const res = await this.send(`/v2/${repository}/blobs/${digest}`, pull(repository));
    return parseImageConfig(res.body);
  }

  /** Deletes a manifest by digest (registries delete by digest only; a tag goes with its manifest). */
  async deleteManifest(repository: string, digest: string): Promise<void> {
    checkRepository(repository);
    checkDigest(digest);
    await this.send(`/v2/${repository}/manifests/${digest}`, {
      method: 'DELETE',
      scope: `repository:${repository}:delete`,
      what: `${repository}@${digest}`,
    });
  }

  private async send(path: string, req: Send): Promise<HttpResponse> {
    const url = new URL(path, this.base);
    let res = await this.exchange(
      url,
      req.what,
      req,
      this.scheme === 'none' ? undefined : await this.authorization(undefined, req.scope),
    );
    if (res.status === 401) {
      const challenge = parseChallenge(res.headers['www-authenticate']);
      if (!challenge) throw failure(res, this.host, req.what, req.method);
      this.scheme = challenge.scheme;
      this.tokens.forget(challenge.params.scope ?? req.scope);
      res = await this.exchange(url, req.what, req, await this.authorization(challenge, req.scope));
    }
    if (res.status >= 200 && res.status < 300) return res;
    throw failure(res, this.host, req.what, req.method, this.endpoint.credentials !== undefined);
  }

  private async authorization(challenge: Challenge | undefined, scope: string): Promise<string | undefined> {
    const creds = this.endpoint.credentials;
    if (this.scheme === 'basic') {
      if (!creds) return undefined;
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    const token = await this.tokens.get(challenge, scope);
    return token ? `Bearer ${token}` : undefined;
  }

  private async exchange(url: URL, what: string, req?: Send, authorization?: string): Promise<HttpResponse> {
    const headers: Record<string, string> = {};
    if (req?.accept) headers.accept = req.accept;
    if (authorization) headers.authorization = authorization;
    try {
      return await httpRequest(url, {
        method: req?.method ?? 'GET',
        headers,
        ...(this.endpoint.ca ? { ca: this.endpoint.ca } : {}),
        ...(this.endpoint.timeoutMs ? { timeoutMs: this.endpoint.timeoutMs } : {}),
      });
    } catch (err) {
      throw err instanceof HttpFailure ? httpFailure(err, url, what) : err;
    }
  }
}

const pull = (repository: string) => ({
  scope: `repository:${repository}:pull`,
  what: `repository ${repository}`,
});

function query(page: { n?: number; last?: string }): string {
  const q = new URLSearchParams();
  if (page.n) q.set('n', String(page.n));
  if (page.last) q.set('last', page.last);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function paged(list: unknown, res: HttpResponse): RegistryPage<string> {
  const items = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  const next = nextCursor(res.headers.link);
  return next ? { items, next } : { items };
}
