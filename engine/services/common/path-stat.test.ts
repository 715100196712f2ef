import { describe, expect, it } from 'vitest';
import { decodePathStat, isDirMode, isLinkMode, refuseLink } from './path-stat';

const header = (stat: object) => Buffer.from(JSON.stringify(stat)).toString('base64');
const DIR = 2 ** 31;
const LINK = 2 ** 27;

describe('the archive stat header', () => {
  it('decodes name, size, mode, time and link target, defaulting what is missing', () => {
    const stat = { name: 'lib', size: 7, mode: LINK + 0o777, mtime: '2024-01-01T00:00:00Z', linkTarget: 'usr/lib' };
    expect(decodePathStat(header(stat), '/lib')).toEqual(stat);
    expect(decodePathStat([header({ name: 'x' })], '/x')).toEqual({ name: 'x', size: 0, mode: 0, mtime: '', linkTarget: '' });
  });

  it('says the engine did not describe a path when the header is missing', () => {
    expect(() => decodePathStat(undefined, '/data')).toThrow(/The engine did not describe \/data/);
  });

  it('reads Go file-mode type bits', () => {
    expect([isDirMode(DIR + 0o755), isLinkMode(DIR + 0o755)]).toEqual([true, false]);
    expect([isDirMode(LINK + 0o777), isLinkMode(LINK + 0o777)]).toEqual([false, true]);
    expect([isDirMode(0o644), isLinkMode(0o644)]).toEqual([false, false]);
  });

  it('refuses to download a link, naming its target', () => {
    const stat = { name: 'sh', size: 7, mode: LINK + 0o777, mtime: '', linkTarget: 'busybox' };
    expect(() => refuseLink(stat, '/bin/sh')).toThrow('/bin/sh is a link to busybox; download the target instead.');
    expect(() => refuseLink({ ...stat, mode: DIR }, '/bin')).not.toThrow();
  });
});
