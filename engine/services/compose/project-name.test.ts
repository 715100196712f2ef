import { normaliseProjectName, resolveProjectName } from './project-name';

describe('project names', () => {
  it.each([
    ['My App', 'myapp'],
    ['pihole-cloudflared-DoH', 'pihole-cloudflared-doh'],
    ['__hidden', 'hidden'],
    ['-x.y_z', 'xy_z'],
    ['Ünïcode', 'ncode'],
  ])('normalises the folder name %s → %s', (input, expected) => {
    expect(normaliseProjectName(input)).toBe(expected);
  });

  it('uses option, then COMPOSE_PROJECT_NAME, then name:, then the folder', () => {
    expect(resolveProjectName({ option: 'opt', env: 'env', topLevel: 'top', workingDir: '/x/Dir' })).toBe('opt');
    expect(resolveProjectName({ env: 'env', topLevel: 'top', workingDir: '/x/Dir' })).toBe('env');
    expect(resolveProjectName({ topLevel: 'top', workingDir: '/x/Dir' })).toBe('top');
    expect(resolveProjectName({ workingDir: '/x/My Dir' })).toBe('mydir');
  });

  it('rejects an explicit name that is not valid instead of silently renaming it', () => {
    expect(() => resolveProjectName({ topLevel: 'My App', workingDir: '/x' })).toThrow(/"My App" from the top-level name: is not a valid project name/);
    expect(() => resolveProjectName({ workingDir: '/___' })).toThrow(/cannot derive a project name/);
  });
});
