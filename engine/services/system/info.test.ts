import { describe, expect, it } from 'vitest';
import { securityFacts } from './info';

describe('securityFacts', () => {
  it('reads the engine\'s key=value security options', () => {
    expect(securityFacts(['name=seccomp,profile=default', 'name=rootless', 'name=cgroupns'])).toEqual({
      rootless: true,
      userns: false,
      apparmor: false,
      selinux: false,
      seccomp: 'default',
      raw: ['name=seccomp,profile=default', 'name=rootless', 'name=cgroupns'],
    });
  });
  it('reads the bare names older engines send', () => {
    expect(securityFacts(['apparmor', 'seccomp', 'userns'])).toMatchObject({ apparmor: true, userns: true, seccomp: 'default', rootless: false });
  });
});
