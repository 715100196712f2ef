import { describe, expect, it } from 'vitest';
import { auditInputFromCompose } from './from-compose';
import { auditInputFromSpec } from './from-spec';
import { hostPowerOf } from './host-power';

describe('hostPowerOf (the one host-power rule both the server and the renderer use)', () => {
  it('names what a compose service asks for, as the app builder reads it', () => {
    expect(hostPowerOf(auditInputFromCompose({ image: 'x', privileged: true }))).toBe('runs privileged');
    expect(hostPowerOf(auditInputFromCompose({ image: 'x', pid: 'host' }))).toBe("shares the host's process namespace");
    expect(hostPowerOf(auditInputFromCompose({ image: 'x', volumes: ['/var/run/docker.sock:/var/run/docker.sock'] }))).toBe(
      'bind-mounts /var/run/docker.sock from the host',
    );
    expect(hostPowerOf(auditInputFromCompose({ image: 'x', volumes: ['data:/data'], network_mode: 'bridge' }))).toBeUndefined();
  });

  it('names what a run dialog spec asks for', () => {
    const base = { image: 'x', ports: [], env: {}, volumes: [], labels: {}, capAdd: [], capDrop: [], readOnlyRootfs: false, privileged: false, autoRemove: false, tty: false };
    expect(hostPowerOf(auditInputFromSpec({ ...base, capAdd: ['NET_ADMIN'] }))).toBe('adds capabilities (NET_ADMIN)');
    expect(hostPowerOf(auditInputFromSpec({ ...base, network: 'host' }))).toBe("uses the host's network");
    expect(hostPowerOf(auditInputFromSpec(base))).toBeUndefined();
  });
});
