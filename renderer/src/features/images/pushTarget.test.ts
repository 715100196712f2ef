import { describe, expect, it } from 'vitest';
import type { RegistryInfo } from '../../api/contract';
import { planPush, suggestedName } from './pushTarget';

const hub: RegistryInfo = { id: 'hub', name: 'Docker Hub', url: 'https://registry-1.docker.io', host: 'docker.io', insecure: false, hasCa: false, hasPassword: false, builtIn: true };
const team: RegistryInfo = { id: 'team', name: 'Team', url: 'http://127.0.0.1:5000', host: '127.0.0.1:5000', insecure: true, hasCa: false, hasPassword: true, username: 'ci', builtIn: false };
const registries = [hub, team];

describe('push plans', () => {
  it('pushes an image by its own name', () => {
    expect(planPush({ image: '127.0.0.1:5000/a/b:1', registry: 'name', repository: '', tag: '' }, registries)).toEqual({ ok: true, ref: '127.0.0.1:5000/a/b:1' });
  });

  it('tags the image for a chosen registry, then pushes that name', () => {
    expect(planPush({ image: 'berth-test/busybox:latest', registry: 'team', repository: ' e2e/busy ', tag: '2' }, registries)).toEqual({
      ok: true,
      ref: '127.0.0.1:5000/e2e/busy:2',
      tagAs: { source: 'berth-test/busybox:latest', repo: '127.0.0.1:5000/e2e/busy', tag: '2' },
    });
    expect(planPush({ image: 'sha256:0123', registry: 'hub', repository: 'me/tool', tag: '' }, registries)).toEqual({
      ok: true,
      ref: 'docker.io/me/tool:latest',
      tagAs: { source: 'sha256:0123', repo: 'docker.io/me/tool', tag: 'latest' },
    });
  });

  it('does not tag again when the name is already the destination', () => {
    expect(planPush({ image: '127.0.0.1:5000/e2e/busy:2', registry: 'team', repository: 'e2e/busy', tag: '2' }, registries)).toEqual({ ok: true, ref: '127.0.0.1:5000/e2e/busy:2' });
  });

  it('says which field is wrong', () => {
    expect(planPush({ image: '', registry: 'team', repository: 'a', tag: '1' }, registries)).toMatchObject({ ok: false, field: 'image' });
    expect(planPush({ image: 'sha256:0123', registry: 'name', repository: '', tag: '' }, registries)).toMatchObject({ ok: false, field: 'image' });
    expect(planPush({ image: 'x:1', registry: 'team', repository: '  ', tag: '1' }, registries)).toMatchObject({ ok: false, field: 'repository' });
    expect(planPush({ image: 'x:1', registry: 'team', repository: 'Team/API', tag: '1' }, registries)).toMatchObject({ ok: false, field: 'repository', message: /lowercase/ });
    expect(planPush({ image: 'x:1', registry: 'team', repository: 'a//b', tag: '1' }, registries)).toMatchObject({ ok: false, field: 'repository' });
    expect(planPush({ image: 'x:1', registry: 'team', repository: 'a', tag: '-bad' }, registries)).toMatchObject({ ok: false, field: 'tag' });
    expect(planPush({ image: 'x:1', registry: 'gone', repository: 'a', tag: '1' }, registries)).toMatchObject({ ok: false, message: /not in your registries/ });
  });

  it('suggests the image path and tag as the new name', () => {
    expect(suggestedName('127.0.0.1:5000/team/api:2')).toEqual({ repository: 'team/api', tag: '2' });
    expect(suggestedName('nginx')).toEqual({ repository: 'nginx', tag: 'latest' });
    expect(suggestedName('sha256:0123')).toEqual({ repository: '', tag: 'latest' });
  });
});
