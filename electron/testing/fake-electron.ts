import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Small stand-ins for the parts of the `electron` module the shell uses, for `vi.mock('electron', ...)`:
 * Electron's binary cannot run on our build machines, so main-process logic is tested against these.
 * They record what the code under test did; they do not imitate Chromium.
 */

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A preventable event as Electron passes it to `will-navigate` and friends. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  /** `ipcMain.on` listeners (fire-and-forget channels), one per channel is all the shell installs. */
  listeners: new Map<string, IpcHandler>(),
  on(channel: string, listener: IpcHandler): void {
    if (this.listeners.has(channel)) throw new Error(`second listener for ${channel}`);
    this.listeners.set(channel, listener);
  },
  removeListener(channel: string, listener: IpcHandler): void {
    if (this.listeners.get(channel) === listener) this.listeners.delete(channel);
  },
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const app = Object.assign(new EventEmitter(), {
  enableSandbox: vi.fn(),
  quit: vi.fn(),
  isPackaged: false,
});

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => undefined),
  handle: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemTemplate[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export class FakeNativeImage {
  constructor(readonly empty: boolean) {}
  isEmpty(): boolean {
    return this.empty;
  }
  resize(_size: { width: number; height: number }): FakeNativeImage {
    return this;
  }
}

interface MenuItemTemplate {
  label?: string;
  click?: () => void;
}
export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  menu: { template: MenuItemTemplate[] } | undefined;
  constructor(readonly image: FakeNativeImage) {
    super();
    Tray.created.push(this);
  }
  setToolTip(_tip: string): void {}
  setContextMenu(menu: { template: MenuItemTemplate[] }): void {
    this.menu = menu;
  }
}

export const contextBridge = { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => undefined) };

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> =>
    Promise.resolve(undefined),
  );
  readonly send = vi.fn((_channel: string, ..._args: unknown[]): void => undefined);
}
export const ipcRenderer = new FakeIpcRenderer();
