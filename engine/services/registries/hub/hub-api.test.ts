import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../contract';
import { HttpFailure } from '../client/http';
import { HubApi, type HubGet } from './hub-api';
import { nginxTagsPage1, searchNginx } from './testing/hub-answers';

const answering = (status: number, body: unknown, seen: URL[] = []): HubGet => (url) => {
  seen.push(url);
  return Promise.resolve({ status, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });
};

describe('Docker Hub API', () => {
  it('reads badges, pull counts and platforms from the search answer', async () => {
    const seen: URL[] = [];
    const found = await new HubApi(answering(200, searchNginx, seen)).search('nginx', 25);
    expect(seen[0]?.toString()).toBe('https://hub.docker.com/api/search/v4?query=nginx&size=25');
    expect(found).toEqual([
      { name: 'nginx', description: 'Official build of Nginx.', stars: 20871, badge: 'official', pulls: '1B+', platforms: ['linux/amd64', 'linux/arm64'] },
      { name: 'bitnami/nginx', description: 'Bitnami container image for NGINX', stars: 199, badge: 'verified_publisher', pulls: '500M+', platforms: ['linux/amd64'] },
      { name: 'someone/nginx-tools', stars: 2, pulls: '1.2K', platforms: [] },
    ]);
  });

  it('reads a tag page with platforms (attestations left out) and a cursor to the next page', async () => {
    const seen: URL[] = [];
    const page = await new HubApi(answering(200, nginxTagsPage1, seen)).tags('library/nginx', { n: 2 });
    expect(seen[0]?.toString()).toBe('https://hub.docker.com/v2/namespaces/library/repositories/nginx/tags?page=1&page_size=2');
    expect(page.next).toBe('2');
    expect(page.items).toEqual([
      {
        name: 'latest',
        digest: 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
        size: 72_099_501,
        updated: '2026-11-30T08:41:05.120915Z',
        platforms: [
          { os: 'linux', architecture: 'amd64' },
          { os: 'linux', architecture: 'arm64', variant: 'v8' },
        ],
      },
      { name: '1.27-alpine', digest: 'sha256:dd44', size: 41_000_000, updated: '2026-11-20T00:00:00Z', platforms: [{ os: 'linux', architecture: 'amd64' }] },
    ]);
    await new HubApi(answering(200, { ...nginxTagsPage1, next: null }, seen)).tags('nginx', { last: '2' });
    expect(seen[1]?.toString()).toBe('https://hub.docker.com/v2/namespaces/library/repositories/nginx/tags?page=2&page_size=25');
  });

  it('says clearly when the Hub cannot be reached or answers something else', async () => {
    const offline: HubGet = () => Promise.reject(new HttpFailure('getaddrinfo EAI_AGAIN hub.docker.com', 'EAI_AGAIN'));
    await expect(new HubApi(offline).search('nginx', 5)).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'Docker Hub (hub.docker.com) cannot be reached for search (getaddrinfo EAI_AGAIN hub.docker.com).',
    });
    await expect(new HubApi(answering(404, { message: 'object not found' })).tags('nobody/nothing', {})).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(new HubApi(answering(429, '')).search('x', 1)).rejects.toMatchObject({ message: /too many requests/ });
    await expect(new HubApi(answering(200, '<html>captive portal</html>')).search('x', 1)).rejects.toMatchObject({ message: /not JSON/ });
    await expect(new HubApi(answering(200, {})).tags('/', {})).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT });
  });

  it('keeps going over malformed entries rather than failing the whole answer', async () => {
    const found = await new HubApi(answering(200, { results: [null, { name: '' }, { slug: 'library/redis', badge: 'gold', star_count: '9' }] })).search('r', 5);
    expect(found).toEqual([{ name: 'redis', stars: 0, platforms: [] }]);
  });
});
