import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context';
import { HttpFailure } from '../client/http';
import { RegistriesService } from '../service';
import { HubApi, type HubGet } from './hub-api';
import { engineSearchNginx, searchNginx } from './testing/hub-answers';

// The service's search over an engine whose search endpoint answers (or not) and a Hub API that answers (or not).
function service(engine: () => Promise<unknown>, hub: HubGet) {
  const ctx = {
    store: { registries: { list: () => [] } },
    engine: { docker: () => ({ searchImages: engine }) },
  } as unknown as ServiceContext;
  return new RegistriesService(ctx, '/nonexistent/config.json', new HubApi(hub));
}
const hubAnswers: HubGet = () => Promise.resolve({ status: 200, body: Buffer.from(JSON.stringify(searchNginx)) });
const hubOffline: HubGet = () => Promise.reject(new HttpFailure('connect ETIMEDOUT', 'ETIMEDOUT'));
const engineAnswers = () => Promise.resolve(engineSearchNginx);
const engineOffline = () => Promise.reject(Object.assign(new Error('(HTTP code 500) server error - Get "https://index.docker.io/v1/search?q=nginx&n=25": dial tcp: lookup index.docker.io: no such host'), { statusCode: 500 }));

describe('Docker Hub search', () => {
  it("adds the Hub's badges, pulls and platforms to the engine's results", async () => {
    const { results, errors } = await service(engineAnswers, hubAnswers).search('nginx', 25);
    expect(errors).toEqual([]);
    expect(results).toEqual([
      { source: 'hub', name: 'nginx', repository: 'library/nginx', description: 'Official build of Nginx.', stars: 20871, official: true, automated: false, badge: 'official', pulls: '1B+', platforms: ['linux/amd64', 'linux/arm64'] },
      { source: 'hub', name: 'bitnami/nginx', repository: 'bitnami/nginx', description: 'Bitnami nginx Docker Image', stars: 199, official: false, automated: true, badge: 'verified_publisher', pulls: '500M+', platforms: ['linux/amd64'] },
      { source: 'hub', name: 'only/in-engine', repository: 'only/in-engine', stars: 0, official: false, automated: false },
    ]);
  });

  it("keeps the engine's results and says what is missing when the Hub's API is out of reach", async () => {
    const { results, errors } = await service(engineAnswers, hubOffline).search('nginx', 25);
    expect(results.map((r) => [r.name, r.badge, r.pulls])).toEqual([
      ['nginx', undefined, undefined],
      ['bitnami/nginx', undefined, undefined],
      ['only/in-engine', undefined, undefined],
    ]);
    expect(errors).toEqual([{ source: 'hub', message: expect.stringMatching(/^Docker Hub's own API \(hub.docker.com\) cannot be reached, so pull counts, verified-publisher badges and platforms are not shown: .*connect ETIMEDOUT/) as unknown }]);
  });

  it("uses the Hub's API alone when the engine cannot search", async () => {
    const { results, errors } = await service(engineOffline, hubAnswers).search('nginx', 25);
    expect(errors).toEqual([]);
    expect(results[0]).toEqual({ source: 'hub', name: 'nginx', repository: 'library/nginx', description: 'Official build of Nginx.', stars: 20871, official: true, badge: 'official', pulls: '1B+', platforms: ['linux/amd64', 'linux/arm64'] });
    expect(results[1]).toMatchObject({ name: 'bitnami/nginx', badge: 'verified_publisher', official: false });
  });

  it('says Docker Hub cannot be reached when neither answers (as here, offline)', async () => {
    const { results, errors } = await service(engineOffline, hubOffline).search('nginx', 25);
    expect(results).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Docker Hub cannot be reached from the engine .*your own registries still work\.$/);
  });
});
