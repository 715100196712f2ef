import { createContext, useContext } from 'react';
import type { GridLayout } from './layout';

/** What the one grid tells the cells of its rows: the column layout, which row holds the tab stop, whose menu is open. */
export interface GridState {
  /** Undefined for a grid that lays out its own columns (no `columns` given). */
  layout: GridLayout | undefined;
  /** The key of the row that holds the grid's tab stop: only its controls are in the tab order. */
  activeKey: string | undefined;
  /** The key of the row whose actions menu the keyboard opened (context-menu key, Shift+F10). */
  menuKey: string | undefined;
  setMenuKey: (key: string | undefined) => void;
}

export const GridContext = createContext<GridState>({
  layout: undefined,
  activeKey: undefined,
  menuKey: undefined,
  setMenuKey: () => undefined,
});

export const useGridLayout = (): GridLayout | undefined => useContext(GridContext).layout;

/** A row's part in the grid's keyboard model: `tabIndex` for its controls, and its keyboard-opened menu. */
export function useGridRow(rowKey: string) {
  const { activeKey, menuKey, setMenuKey } = useContext(GridContext);
  return {
    tabIndex: activeKey === rowKey ? 0 : -1,
    menuRequested: menuKey === rowKey,
    clearMenuRequest: () => setMenuKey(undefined),
  };
}
