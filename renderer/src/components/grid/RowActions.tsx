import { useEffect, useRef, useState } from 'react';
import { Box, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import type { MethodName } from '../../api/contract';
import { useMayCall } from '../access';
import { useGridRow } from './GridContext';

/** One thing a row can do, as the row's buttons and its actions menu show it. */
export interface RowAction {
  id: string;
  label: string;
  icon: SvgIconComponent;
  run: () => void;
  disabled?: boolean;
  destructive?: boolean;
  /** Shown as a button in the row while the actions column has room; every action is also in the menu. */
  inline?: boolean;
  /** The button's accessible name when "<label> <row name>" does not read well. */
  buttonName?: string;
  /** The method behind it: hidden from roles that may not call it (the server refuses it anyway). */
  method?: MethodName;
}

interface Props {
  rowKey: string;
  /** The row's name in the controls' accessible names ("Stop web", "More actions for web"). */
  name: string;
  actions: readonly RowAction[];
  /** Only the menu button (the grid squeezed the actions column). */
  compact?: boolean;
}

/**
 * A row's action buttons and its "More actions" menu, the same in every list. The menu holds every action, so
 * a squeezed row loses none; the grid opens it from the keyboard (context-menu key, Shift+F10), and only the
 * focused row's controls are in the tab order (the grid's roving tab stop).
 */
export function RowActions({ rowKey, name, actions: all, compact = false }: Props) {
  const may = useMayCall();
  const actions = all.filter((a) => !a.method || may(a.method));
  const { tabIndex, menuRequested, clearMenuRequest } = useGridRow(rowKey);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!menuRequested) return;
    clearMenuRequest();
    setAnchor(menuButton.current);
  }, [menuRequested, clearMenuRequest]);
  const menuId = `row-menu-${rowKey}`;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center' }} onDoubleClick={(e) => e.stopPropagation()}>
      {!compact &&
        actions
          .filter((a) => a.inline)
          .map((action) => {
            const Icon = action.icon;
            const button = (
              <IconButton
                size="small"
                aria-label={action.buttonName ?? `${action.label} ${name}`}
                disabled={action.disabled}
                tabIndex={tabIndex}
                color={action.destructive ? 'error' : 'default'}
                onClick={(e) => {
                  e.stopPropagation();
                  action.run();
                }}
              >
                <Icon fontSize="small" />
              </IconButton>
            );
            // A disabled button fires no events, so its tooltip would never close: show it only when enabled.
            return action.disabled ? (
              <span key={action.id}>{button}</span>
            ) : (
              <Tooltip key={action.id} title={action.label} enterDelay={400}>
                {button}
              </Tooltip>
            );
          })}
      {actions.length > 0 && (
        <IconButton
          ref={menuButton}
          size="small"
          data-row-menu
          aria-label={`More actions for ${name}`}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? true : undefined}
          tabIndex={tabIndex}
          onClick={(e) => {
            e.stopPropagation();
            setAnchor(e.currentTarget);
          }}
        >
          <MoreVertIcon fontSize="small" />
        </IconButton>
      )}
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actions.map((action) => {
          const Icon = action.icon;
          return (
            <MenuItem
              key={action.id}
              disabled={action.disabled}
              onClick={() => {
                setAnchor(null);
                action.run();
              }}
              sx={action.destructive ? { color: 'error.main' } : undefined}
            >
              <ListItemIcon sx={action.destructive ? { color: 'error.main' } : undefined}>
                <Icon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{action.label}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
    </Box>
  );
}
