import type { RegistrySearchResult } from '../../../contract';
import { HUB, hubRepository } from '../registry-url';
import type { HubSearchEntry } from './hub-api';

/** A search result made from the Hub's own search alone (when the engine's search failed). */
export const fromHubEntry = (e: HubSearchEntry): RegistrySearchResult => ({
  source: HUB.id,
  name: e.name,
  repository: hubRepository(e.name),
  ...(e.description ? { description: e.description } : {}),
  stars: e.stars,
  official: e.badge === 'official',
});

/** An engine search result with what the Hub's own search adds: badge, pulls, platforms. */
export function withHubDetails(r: RegistrySearchResult, e: HubSearchEntry | undefined): RegistrySearchResult {
  if (!e) return r;
  return {
    ...r,
    ...(e.badge ? { badge: e.badge } : {}),
    ...(e.pulls ? { pulls: e.pulls } : {}),
    ...(e.platforms.length ? { platforms: e.platforms } : {}),
    ...(r.description ? {} : e.description ? { description: e.description } : {}),
  };
}
