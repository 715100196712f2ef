import { describe, expect, it } from 'vitest';
import { COMPOSE_COMPAT_VERSION, containerName, containerNumber, LABEL, projectFilter, projectLabels, resourceLabels } from './labels';

describe('compose labels', () => {
  it('names containers the compose v2 way and reads numbers from either generation', () => {
    expect(containerName('shop', 'web', 2)).toBe('shop-web-2');
    expect(containerNumber({}, 'shop_web_3')).toBe(3);
    expect(containerNumber({}, 'shop-web-4')).toBe(4);
    expect(containerNumber({ [LABEL.number]: '7' }, 'custom')).toBe(7);
    expect(containerNumber({}, 'custom')).toBeUndefined();
  });

  it('labels projects like docker compose, plus Berth\'s own mark', () => {
    expect(projectLabels({ project: 'shop', workingDir: '/src/shop', configFiles: ['/src/shop/compose.yaml', '/src/shop/prod.yaml'], environmentFile: '/src/shop/.env', profiles: ['debug'], berthVersion: '0.1.0' })).toEqual({
      'com.docker.compose.project': 'shop',
      'com.docker.compose.project.working_dir': '/src/shop',
      'com.docker.compose.project.config_files': '/src/shop/compose.yaml,/src/shop/prod.yaml',
      'com.docker.compose.project.environment_file': '/src/shop/.env',
      'com.docker.compose.version': COMPOSE_COMPAT_VERSION,
      'io.berth.version': '0.1.0',
      'io.berth.compose.profiles': 'debug',
    });
  });

  it('labels networks and volumes so compose down finds them; the compose keys win over user labels', () => {
    expect(resourceLabels('network', 'shop', 'back', '0.1.0', { 'com.docker.compose.project': 'evil', team: 'a' })).toEqual({
      team: 'a',
      'com.docker.compose.project': 'shop',
      'com.docker.compose.network': 'back',
      'com.docker.compose.version': COMPOSE_COMPAT_VERSION,
      'io.berth.version': '0.1.0',
    });
    expect(resourceLabels('volume', 'shop', 'data', '0.1.0')['com.docker.compose.volume']).toBe('data');
  });

  it('filters a project\'s service or one-off containers', () => {
    expect(projectFilter('shop', { oneoff: false, service: 'web' })).toEqual(['com.docker.compose.project=shop', 'com.docker.compose.oneoff=False', 'com.docker.compose.service=web']);
  });
});
