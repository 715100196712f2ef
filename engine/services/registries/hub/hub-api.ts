import { ErrorCode, type HubTag, type RegistryPage, type RegistryPlatform } from '../../../contract';
import { BerthError } from '../../../base/errors';
import { HttpFailure, httpRequest } from '../client/http';

/** What Docker Hub's own search API says about a repository that the engine's search does not. */
export interface HubSearchEntry {
  /** As image references name it: "nginx" for an official image, "bitnami/redis" for the rest. */
  name: string;
  description?: string;
  stars: number;
  badge?: 'official' | 'verified_publisher' | 'open_source';
  pulls?: string;
  platforms: string[];
}

/** One GET to the Hub, answered with its status and body (injected by tests with recorded answers). */
export type HubGet = (url: URL) => Promise<{ status: number; body: Buffer }>;

const HUB_WEB = 'https://hub.docker.com';
const TIMEOUT_MS = 5_000;

const defaultGet: HubGet = (url) =>
  httpRequest(url, { headers: { accept: 'application/json' }, timeoutMs: TIMEOUT_MS, maxBytes: 4 * 1024 * 1024 });

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const BADGES = new Set(['official', 'verified_publisher', 'open_source']);

/**
 * Docker Hub's own web API (hub.docker.com, not the registry): trust badges, pull counts and platforms in search,
 * and tag lists with their platforms in one answer. Optional by nature: without it (no internet, a proxy that
 * blocks it) the engine's search and the registry API still work, and callers say what is missing.
 */
export class HubApi {
  constructor(
    private readonly get: HubGet = defaultGet,
    private readonly base = HUB_WEB,
  ) {}

  async search(term: string, size: number): Promise<HubSearchEntry[]> {
    const url = new URL('/api/search/v4', this.base);
    url.searchParams.set('query', term);
    url.searchParams.set('size', String(size));
    const body = obj(await this.json(url, 'search'));
    return list(body.results).flatMap((raw) => {
      const r = obj(raw);
      const full = str(r.name) ?? str(r.slug);
      if (!full) return [];
      const badge = str(r.badge);
      const os = list(r.operating_systems).map((o) => str(obj(o).name)).filter(Boolean);
      const arch = list(r.architectures).map((a) => str(obj(a).name)).filter(Boolean);
      return [
        {
          name: full.replace(/^library\//, ''),
          ...(str(r.short_description) ? { description: str(r.short_description) } : {}),
          stars: typeof r.star_count === 'number' ? r.star_count : 0,
          ...(badge && BADGES.has(badge) ? { badge: badge as HubSearchEntry['badge'] } : {}),
          ...(typeof r.pull_count === 'string' || typeof r.pull_count === 'number' ? { pulls: String(r.pull_count) } : {}),
          platforms: os.flatMap((o) => arch.map((a) => `${o}/${a}`)),
        },
      ];
    });
  }

  /** A page of tags (`last` is the page number to read, as the Hub pages by number), newest first. */
  async tags(repository: string, page: { last?: string | undefined; n?: number | undefined }): Promise<RegistryPage<HubTag>> {
    const [namespace, ...rest] = repository.includes('/') ? repository.split('/') : ['library', repository];
    const name = rest.join('/');
    if (!namespace || !name) throw new BerthError(ErrorCode.INVALID_ARGUMENT, `"${repository}" is not a Docker Hub repository.`);
    const number = Number(page.last ?? '1');
    const url = new URL(`/v2/namespaces/${encodeURIComponent(namespace)}/repositories/${encodeURIComponent(name)}/tags`, this.base);
    url.searchParams.set('page', String(number));
    url.searchParams.set('page_size', String(page.n ?? 25));
    const body = obj(await this.json(url, `the tags of ${repository}`));
    const items = list(body.results).flatMap((raw): HubTag[] => {
      const t = obj(raw);
      const tagName = str(t.name);
      if (!tagName) return [];
      const platforms = list(t.images).flatMap((i): RegistryPlatform[] => {
        const image = obj(i);
        const os = str(image.os);
        const architecture = str(image.architecture);
        if (!os || !architecture || os === 'unknown') return [];
        const variant = str(image.variant);
        return [{ os, architecture, ...(variant ? { variant } : {}) }];
      });
      const digest = str(t.digest);
      const updated = str(t.last_updated) ?? str(t.tag_last_pushed);
      return [
        {
          name: tagName,
          ...(digest ? { digest } : {}),
          ...(typeof t.full_size === 'number' ? { size: t.full_size } : {}),
          ...(updated ? { updated } : {}),
          platforms,
        },
      ];
    });
    return { items, ...(str(body.next) ? { next: String(number + 1) } : {}) };
  }

  private async json(url: URL, what: string): Promise<unknown> {
    let res: { status: number; body: Buffer };
    try {
      res = await this.get(url);
    } catch (err) {
      const why = err instanceof HttpFailure || err instanceof Error ? err.message : String(err);
      throw new BerthError(ErrorCode.UNAVAILABLE, `Docker Hub (hub.docker.com) cannot be reached for ${what} (${why}).`);
    }
    if (res.status === 404) throw new BerthError(ErrorCode.NOT_FOUND, `Docker Hub has no ${what}.`);
    if (res.status === 429) throw new BerthError(ErrorCode.UNAVAILABLE, `Docker Hub refused ${what} for now: too many requests; try again in a minute.`);
    if (res.status < 200 || res.status >= 300) throw new BerthError(ErrorCode.UNAVAILABLE, `Docker Hub answered HTTP ${res.status} for ${what}.`);
    try {
      return JSON.parse(res.body.toString('utf8'));
    } catch {
      throw new BerthError(ErrorCode.UNAVAILABLE, `Docker Hub's answer for ${what} is not JSON (a proxy in the way?).`);
    }
  }
}
