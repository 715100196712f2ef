import type { NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { FakeNativeImage, Tray } from '../testing/fake-electron';
import { createTray } from './tray';

vi.mock('electron', () => import('../testing/fake-electron'));

const image = (empty: boolean): NativeImage => new FakeNativeImage(empty) as unknown as NativeImage;

describe('tray', () => {
  it('offers Show and Quit, and a click shows the window', () => {
    const actions = { show: vi.fn(), quit: vi.fn() };
    expect(createTray(image(false), actions)).toBeDefined();
    const tray = Tray.created.at(-1);
    const items = tray?.menu?.template.filter((i) => i.label) ?? [];
    expect(items.map((i) => i.label)).toEqual(['Show Berth', 'Quit Berth']);
    items[0]?.click?.();
    items[1]?.click?.();
    tray?.emit('click');
    expect(actions.show).toHaveBeenCalledTimes(2);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('creates no tray without an icon', () => {
    const before = Tray.created.length;
    expect(createTray(image(true), { show: vi.fn(), quit: vi.fn() })).toBeUndefined();
    expect(Tray.created).toHaveLength(before);
  });
});
