import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type DockerConfigImport,
  type RegistryDraft,
  type RegistryInfo,
  type RegistryPing,
  type RegistrySearch,
  type RegistrySearchResult,
} from '../../contract';
import { BerthError } from '../../base/errors';
import { mapDockerError } from '../../docker/errors';
import type { StoredRegistry } from '../../store/types';
import { openLogin } from '../common/registry-credentials';
import type { ServiceContext } from '../context';
import { RegistryClient } from './client/client';
import { HubApi } from './hub/hub-api';
import { fromHubEntry, withHubDetails } from './hub/hub-search';
import { dockerConfigPath, readDockerConfig } from './docker-config';
import { HUB, hostOf, hubRepository, normalizeRegistryUrl } from './registry-url';

export interface RegistryUpdate {
  id: string;
  name?: string | undefined;
  url?: string | undefined;
  insecure?: boolean | undefined;
  ca?: string | null | undefined;
  username?: string | undefined;
  password?: string | null | undefined;
}

/** How many repositories of each saved registry's catalog a search looks through. */
const SEARCH_CATALOG_LIMIT = 1000;

/**
 * The registries the user works with: Docker Hub (built in) and the ones they added, with their logins sealed at
 * rest. Builds a RegistryClient per call from what is stored, so an edit takes effect at once.
 */
export class RegistriesService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly dockerConfig = dockerConfigPath(),
    private readonly hub = new HubApi(),
  ) {}

  private get rows() {
    return this.ctx.store.registries;
  }

  list(): RegistryInfo[] {
    const stored = this.rows.list();
    const hub = stored.find((r) => r.id === HUB.id);
    return [toInfo(hub ?? hubRow()), ...stored.filter((r) => r.id !== HUB.id).map(toInfo)];
  }

  add(draft: RegistryDraft): RegistryInfo {
    const url = normalizeRegistryUrl(draft.url, draft.insecure);
    if (hostOf(url) === 'registry-1.docker.io' || hostOf(url) === 'index.docker.io') {
      throw new BerthError(
        ErrorCode.CONFLICT,
        'Docker Hub is built in: set its login on the Docker Hub entry instead.',
      );
    }
    if (this.rows.list().some((r) => r.url === url)) {
      throw new BerthError(ErrorCode.CONFLICT, `${url} is already in your registries.`);
    }
    const row: StoredRegistry = {
      id: randomUUID().slice(0, 8),
      name: draft.name,
      url,
      insecure: draft.insecure,
      ...(draft.ca ? { ca: checkCa(draft.ca) } : {}),
      ...this.login(draft.username, draft.password),
      createdAt: Date.now(),
    };
    this.rows.put(row);
    return toInfo(row);
  }

  update(patch: RegistryUpdate): RegistryInfo {
    const current = patch.id === HUB.id ? (this.rows.get(HUB.id) ?? hubRow()) : this.stored(patch.id);
    const builtIn = current.id === HUB.id;
    if (builtIn && (patch.url !== undefined || patch.insecure !== undefined || patch.ca !== undefined)) {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        "Docker Hub's address cannot be changed; only its login.",
      );
    }
    const insecure = patch.insecure ?? current.insecure;
    const next: StoredRegistry = {
      ...current,
      name: builtIn ? HUB.name : (patch.name ?? current.name),
      url: builtIn ? HUB.url : normalizeRegistryUrl(patch.url ?? current.url, insecure),
      insecure,
    };
    if (patch.ca === null) delete next.ca;
    else if (patch.ca !== undefined) next.ca = checkCa(patch.ca);
    if (patch.username !== undefined || patch.password !== undefined) {
      const username = patch.username ?? current.username;
      delete next.username;
      delete next.secret;
      // A new user name without a new password keeps the old password only if the user did not clear it.
      const password =
        patch.password === null
          ? undefined
          : (patch.password ?? (current.secret ? this.ctx.secrets.open(current.secret) : undefined));
      Object.assign(next, this.login(username, password));
    }
    if (this.rows.list().some((r) => r.url === next.url && r.id !== next.id)) {
      throw new BerthError(ErrorCode.CONFLICT, `${next.url} is already in your registries.`);
    }
    this.rows.put(next);
    return toInfo(next);
  }

  remove(id: string): void {
    if (id === HUB.id)
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        'Docker Hub is built in and cannot be removed; clear its login instead.',
      );
    this.stored(id);
    this.rows.remove(id);
  }

  async test(input: { id: string } | RegistryDraft): Promise<RegistryPing> {
    if ('id' in input) return this.client(input.id).ping();
    const url = normalizeRegistryUrl(input.url, input.insecure);
    return new RegistryClient({
      url,
      ...(input.ca ? { ca: checkCa(input.ca) } : {}),
      ...(input.username && input.password
        ? { credentials: { username: input.username, password: input.password } }
        : {}),
    }).ping();
  }

  async importDockerConfig(): Promise<DockerConfigImport> {
    const { logins, skipped } = await readDockerConfig(this.dockerConfig).catch((err: unknown) => {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        `Cannot read ${this.dockerConfig}: ${err instanceof Error ? err.message : String(err)}.`,
      );
    });
    const imported: RegistryInfo[] = [];
    for (const login of logins) {
      const server = login.server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      if (server === 'index.docker.io' || server === 'docker.io' || server === 'registry-1.docker.io') {
        imported.push(this.update({ id: HUB.id, username: login.username, password: login.password }));
        continue;
      }
      const url = `https://${server}`;
      const existing = this.rows.list().find((r) => hostOf(r.url) === server);
      imported.push(
        existing
          ? this.update({ id: existing.id, username: login.username, password: login.password })
          : this.add({
              name: server,
              url,
              insecure: false,
              username: login.username,
              password: login.password,
            }),
      );
    }
    return { imported, skipped };
  }

  async search(term: string, limit: number): Promise<RegistrySearch> {
    const results: RegistrySearchResult[] = [];
    const errors: RegistrySearch['errors'] = [];
    const needle = term.toLowerCase();
    const hub = this.searchHub(term, limit).then(
      (found) => {
        results.push(...found.results);
        if (found.warning) errors.push({ source: HUB.id, message: found.warning });
      },
      (err: unknown) => void errors.push({ source: HUB.id, message: hubError(err) }),
    );
    const others = this.rows
      .list()
      .filter((r) => r.id !== HUB.id)
      .map(async (r) => {
        try {
          const { items } = await this.client(r.id).catalog({ n: SEARCH_CATALOG_LIMIT });
          for (const repository of items
            .filter((name) => name.toLowerCase().includes(needle))
            .slice(0, limit)) {
            results.push({ source: r.id, name: `${hostOf(r.url)}/${repository}`, repository });
          }
        } catch (err) {
          errors.push({ source: r.id, message: err instanceof Error ? err.message : String(err) });
        }
      });
    await Promise.all([hub, ...others]);
    return { results, errors };
  }

  /** A client for a saved registry (or Docker Hub), with its login opened. */
  client(id: string): RegistryClient {
    const row = id === HUB.id ? (this.rows.get(HUB.id) ?? hubRow()) : this.stored(id);
    const credentials = openLogin(this.ctx, row);
    return new RegistryClient({
      url: row.url,
      ...(row.ca ? { ca: row.ca } : {}),
      ...(credentials ? { credentials } : {}),
    });
  }

  /** Repository path inside the registry: Docker Hub's official images live under library/. */
  repository(id: string, name: string): string {
    return id === HUB.id ? hubRepository(name) : name;
  }

  /** Docker Hub's tag list from its own API: platforms, sizes and dates in one answer. */
  hubTags(repository: string, page: { last?: string | undefined; n?: number | undefined }) {
    return this.hub.tags(repository, page);
  }

  /**
   * Docker Hub through the engine's search (stars, official, automated) and the Hub's own search API (badges,
   * pulls, platforms) at once; either alone still gives results, and a missing Hub API is said, not hidden.
   */
  private async searchHub(term: string, limit: number): Promise<{ results: RegistrySearchResult[]; warning?: string }> {
    const [engine, web] = await Promise.allSettled([this.searchEngine(term, limit), this.hub.search(term, limit)]);
    if (engine.status === 'rejected' && web.status === 'rejected') throw engine.reason;
    const extra = new Map((web.status === 'fulfilled' ? web.value : []).map((e) => [e.name, e]));
    const base = engine.status === 'fulfilled' ? engine.value : [...extra.values()].map(fromHubEntry);
    const results = base.map((r) => withHubDetails(r, extra.get(r.name)));
    return web.status === 'rejected'
      ? {
          results,
          warning: `Docker Hub's own API (hub.docker.com) cannot be reached, so pull counts, verified-publisher badges and platforms are not shown: ${web.reason instanceof Error ? web.reason.message : String(web.reason)}`,
        }
      : { results };
  }

  private async searchEngine(term: string, limit: number): Promise<RegistrySearchResult[]> {
    const found = (await this.ctx.engine.docker().searchImages({ term, limit })) as {
      name: string;
      description?: string;
      star_count?: number;
      is_official?: boolean;
      is_automated?: boolean;
    }[];
    return found.map((f) => ({
      source: HUB.id,
      name: f.name,
      repository: hubRepository(f.name),
      ...(f.description ? { description: f.description } : {}),
      stars: f.star_count ?? 0,
      official: f.is_official === true,
      automated: f.is_automated === true,
    }));
  }

  private stored(id: string): StoredRegistry {
    const row = this.rows.get(id);
    if (!row)
      throw new BerthError(ErrorCode.NOT_FOUND, 'That registry is not in your registries (any more).');
    return row;
  }

  private login(
    username: string | undefined,
    password: string | undefined,
  ): Pick<StoredRegistry, 'username' | 'secret'> {
    if (!username && !password) return {};
    if (!username) throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'A password needs a user name.');
    return password ? { username, secret: this.ctx.secrets.seal(password) } : { username };
  }
}

const hubRow = (): StoredRegistry => ({
  id: HUB.id,
  name: HUB.name,
  url: HUB.url,
  insecure: false,
  createdAt: 0,
});

function toInfo(r: StoredRegistry): RegistryInfo {
  const builtIn = r.id === HUB.id;
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    host: builtIn ? HUB.host : hostOf(r.url),
    insecure: r.insecure,
    hasCa: r.ca !== undefined,
    ...(r.username ? { username: r.username } : {}),
    hasPassword: r.secret !== undefined,
    builtIn,
  };
}

function checkCa(pem: string): string {
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem)) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      'The CA certificate must be PEM text (-----BEGIN CERTIFICATE----- ...).',
    );
  }
  return pem.trim();
}

function hubError(err: unknown): string {
  const mapped = mapDockerError(err, { action: 'search', object: 'Docker Hub' });
  if (mapped.code === ErrorCode.ENGINE_UNREACHABLE) return mapped.message;
  return `Docker Hub cannot be reached from the engine (${mapped.message}); your own registries still work.`;
}
