import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

vi.mock('electron', () => import('../testing/fake-electron'));

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('app menu', () => {
  it('uses the macOS app menu on darwin and Help > About elsewhere', () => {
    expect(roles(buildMenuTemplate('darwin', true))[0]).toBe('appMenu');
    expect(roles(buildMenuTemplate('linux', true))).toContain('about');
    expect(roles(buildMenuTemplate('linux', true))).not.toContain('appMenu');
  });

  it('offers developer tools only in unpackaged builds', () => {
    expect(roles(buildMenuTemplate('linux', true))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate('linux', false))).toContain('toggleDevTools');
  });
});
