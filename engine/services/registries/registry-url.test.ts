import { describe, expect, it } from 'vitest';
import { hubRepository, normalizeRegistryUrl } from './registry-url';

describe('normalizeRegistryUrl', () => {
  it('keeps the origin of an https address, with or without /v2/', () => {
    expect(normalizeRegistryUrl('https://r.example.com:5000/', false)).toBe('https://r.example.com:5000');
    expect(normalizeRegistryUrl('https://r.example.com/v2/', false)).toBe('https://r.example.com');
  });

  it('allows plain HTTP only when marked insecure', () => {
    expect(() => normalizeRegistryUrl('http://10.0.0.5:5000', false)).toThrow(/plain HTTP/);
    expect(normalizeRegistryUrl('http://10.0.0.5:5000', true)).toBe('http://10.0.0.5:5000');
  });

  it('refuses other schemes, credentials in the address, paths and garbage', () => {
    expect(() => normalizeRegistryUrl('ftp://r.example.com', true)).toThrow(/starts with https:\/\//);
    expect(() => normalizeRegistryUrl('https://me:pw@r.example.com', false)).toThrow(/own fields/);
    expect(() => normalizeRegistryUrl('https://r.example.com/team?x=1', false)).toThrow(/just the scheme, host and port/);
    expect(() => normalizeRegistryUrl('https://', false)).toThrow(/is not a registry address/);
  });
});

describe('hubRepository', () => {
  it('puts official images under library/', () => {
    expect(hubRepository('nginx')).toBe('library/nginx');
    expect(hubRepository('bitnami/redis')).toBe('bitnami/redis');
  });
});
