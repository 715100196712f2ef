import { describe, expect, it } from 'vitest';
import { serviceConfigHash, stableJson } from './hash';

describe('service config hash', () => {
  const base = { image: 'busybox', command: ['sleep', '1'], environment: { A: '1', B: '2' }, labels: { x: 'y' } };

  it('is the same for the same config whatever the key order', () => {
    const reordered = { labels: { x: 'y' }, environment: { B: '2', A: '1' }, command: ['sleep', '1'], image: 'busybox' };
    expect(serviceConfigHash(reordered)).toBe(serviceConfigHash(base));
    expect(serviceConfigHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when the environment, image or command changes', () => {
    const h = serviceConfigHash(base);
    expect(serviceConfigHash({ ...base, environment: { A: '1', B: '3' } })).not.toBe(h);
    expect(serviceConfigHash({ ...base, image: 'busybox:2' })).not.toBe(h);
    expect(serviceConfigHash({ ...base, command: ['sleep', '2'] })).not.toBe(h);
  });

  it('ignores replicas, build, pull policy, dependencies and profiles (they do not change a container)', () => {
    const h = serviceConfigHash(base);
    expect(serviceConfigHash({ ...base, scale: 3, deploy: { replicas: 3 } })).toBe(serviceConfigHash({ ...base, deploy: {} }));
    expect(serviceConfigHash({ ...base, build: { context: '/x' }, pull_policy: 'always', depends_on: { db: { condition: 'service_started', required: true } }, profiles: ['a'] })).toBe(h);
  });

  it('keeps list order (a command is not a set) and drops undefined keys', () => {
    expect(stableJson({ b: [2, 1], a: undefined, c: { z: 1, y: null } })).toBe('{"b":[2,1],"c":{"y":null,"z":1}}');
  });
});
