import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Standard roles only: they give the platform's native shortcuts (copy/paste, zoom, close, full screen) for
 * free. Developer tools appear only in unpackaged builds.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  packaged: boolean,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(packaged ? [] : [{ role: 'toggleDevTools' as const }]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'appMenu' }] : [];
  // macOS has About in the app menu; elsewhere it lives under Help.
  const help: MenuItemConstructorOptions[] = mac ? [] : [{ role: 'help', submenu: [{ role: 'about' }] }];
  return [
    ...appMenu,
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...help,
  ];
}

export function installAppMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, app.isPackaged)));
}
