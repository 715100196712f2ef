import os from 'node:os';
import path from 'node:path';
import { app, dialog, nativeImage, safeStorage, session, type BrowserWindow } from 'electron';
import { createBackend } from '../../engine/host/create-backend';
import { defaultDataDir } from '../../engine/providers/embedded';
import { keyFileSecretBox } from '../../engine/store/secret-box';
import { openStore } from '../../engine/store/sqlite';
import type { Backend } from '../../engine/host/backend';
import type { Store } from '../../engine/store/types';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { installIpcHost } from './ipc-host';
import { installAppMenu } from './menu';
import { iconPath, preloadPath, rendererDir, resolveDataDir, type AppLocations } from './paths';
import { applySessionSecurity, installAppSecurity } from './security';
import { installShutdown, stopOwned } from './shutdown';
import { safeStorageSecretBox } from './secret-box';
import { createTray } from './tray';
import { createMainWindow } from './window';

/**
 * Composition root of the desktop app: everything here is wiring; behaviour lives in the files it imports
 * (and, for all features, in engine/, which also runs without Electron).
 */
function main(): void {
  const dataDir = resolveDataDir(process.env, () =>
    defaultDataDir(process.platform, process.env, os.homedir()),
  );
  // Chromium's own profile (cache, local storage) lives beside Berth's data, so BERTH_DATA_DIR isolates a run.
  // Set first: Electron keys the single-instance lock on this folder.
  app.setPath('userData', path.join(dataDir, 'electron'));
  // A second Berth on the same data dir would start a second backend on it: hand over and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  installAppSecurity();

  let store: Store | undefined;
  let backend: Backend | undefined;
  let window: BrowserWindow | undefined;
  let disposeIpc: (() => void) | undefined;
  // Held here so the tray is not garbage-collected (which would remove the icon).
  let tray: ReturnType<typeof createTray>;
  let icon = nativeImage.createEmpty();

  installShutdown(app, { shutdown: () => stopOwned({ disposeIpc, backend, store }) });

  const locations = (): AppLocations => ({
    appPath: app.getAppPath(),
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });

  const showWindow = (): void => {
    // Until the backend is up there is nothing to talk to; start() opens the window then.
    if (!backend) return;
    if (!window || window.isDestroyed()) {
      window = createMainWindow({ preloadPath: preloadPath(locations()), icon });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow); // macOS: clicking the dock icon with no window open
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const start = async (): Promise<void> => {
    await app.whenReady();
    applySessionSecurity(session.defaultSession);
    installAppProtocol(rendererDir(locations()), () => backend?.transfers);
    installAppMenu();
    icon = nativeImage.createFromPath(iconPath(locations()));

    store = openStore(dataDir);
    const engineFlag = app.commandLine.getSwitchValue('engine');
    const started = await createBackend({
      dataDir,
      store,
      // Registry passwords sealed by the OS keychain (ADR 11); safeStorage is usable only after 'ready'.
      secrets: safeStorageSecretBox(safeStorage, () => keyFileSecretBox(dataDir)),
      ...(engineFlag ? { engineFlag } : {}),
    });
    backend = started;
    // IPC is ready before the window loads, so the renderer's first call always finds a handler.
    disposeIpc = installIpcHost({
      backend: started,
      target: () => (window?.isDestroyed() ? undefined : window?.webContents),
    });
    showWindow();
    tray = createTray(nativeImage.createFromPath(iconPath(locations(), '32x32.png')), {
      show: showWindow,
      quit: () => app.quit(),
    });
  };

  start().catch((err: unknown) => {
    console.error('[berth] startup failed:', err);
    const message = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox('Berth could not start', `${message}\n\nData folder: ${dataDir}`);
    app.quit();
  });
  app.on('will-quit', () => tray?.destroy());
}

main();
