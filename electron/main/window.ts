import { BrowserWindow, type NativeImage, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  icon?: NativeImage;
}

/**
 * The secure defaults are spelled out even where Electron already defaults to them, so a future default
 * change or a copy-paste cannot silently weaken them (see the security baseline in docs/architecture.md).
 */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** The one Berth window, loading the renderer from app://berth/ (see app-protocol.ts for why not file://). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Berth',
    show: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  // Shown once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('[berth] could not load the UI:', err));
  return window;
}
