import { Menu, Tray, type NativeImage } from 'electron';

export interface TrayActions {
  show: () => void;
  quit: () => void;
}

/**
 * A tray icon with Show/Quit, so Berth stays reachable while its engine runs. Returns undefined when there is
 * no icon to show (an empty image would make an invisible, unclickable tray entry on some desktops).
 */
export function createTray(icon: NativeImage, actions: TrayActions): Tray | undefined {
  if (icon.isEmpty()) return undefined;
  const tray = new Tray(icon.resize({ width: 16, height: 16 }));
  tray.setToolTip('Berth');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Berth', click: actions.show },
      { type: 'separator' },
      { label: 'Quit Berth', click: actions.quit },
    ]),
  );
  // Windows/Linux users expect a left click to bring the window back.
  tray.on('click', actions.show);
  return tray;
}
