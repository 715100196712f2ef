import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from '../testing/fake-electron';
import { createMainWindow } from './window';

vi.mock('electron', () => import('../testing/fake-electron'));

describe('createMainWindow', () => {
  it('creates the window with the secure web preferences and loads the app origin', () => {
    createMainWindow({ preloadPath: '/opt/berth/dist/electron/preload.cjs' });
    const window = BrowserWindow.created.at(-1);
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/opt/berth/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://berth/index.html');
  });

  it('shows the window only once it has painted', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    const window = BrowserWindow.created.at(-1);
    expect(window?.options.show).toBe(false);
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledTimes(1);
  });
});
