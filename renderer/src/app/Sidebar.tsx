import { useState } from 'react';
import { Box, IconButton, List, ListItemButton, ListItemIcon, ListItemText, Tooltip } from '@mui/material';
import MenuOpenIcon from '@mui/icons-material/MenuOpen';
import MenuIcon from '@mui/icons-material/Menu';
import { sections, type Section, type SectionId } from './sections';
import { hrefFor } from './useHashRoute';
import { useMay } from '../components/access';

const WIDE = 200;
const NARROW = 56;
const STORAGE_KEY = 'berth.sidebar.collapsed';

const readCollapsed = (): boolean => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
};

/** Whether the sidebar is collapsed, remembered across reloads (per browser profile / Electron window). */
export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = () =>
    setCollapsed((c) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, String(!c));
      } catch {
        // Storage may be off (private window): the choice then lasts until reload.
      }
      return !c;
    });
  return [collapsed, toggle];
}

/** The section navigation: labels, or icons alone (with tooltips and accessible names) when collapsed. */
export function Sidebar({
  current,
  collapsed,
  onToggle,
}: {
  current: SectionId;
  collapsed: boolean;
  onToggle: () => void;
}) {
  return (
    <Box
      component="nav"
      aria-label="Sections"
      sx={{
        width: collapsed ? NARROW : WIDE,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        overflowY: 'auto',
        overflowX: 'hidden',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <List dense>
        {sections.map((s) => (
          <NavItem key={s.id} section={s} selected={s.id === current} collapsed={collapsed} />
        ))}
      </List>
      <Box sx={{ mt: 'auto', p: 1, display: 'flex', justifyContent: collapsed ? 'center' : 'flex-end' }}>
        <Tooltip title={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'} placement="right">
          <IconButton
            size="small"
            aria-label="Collapse the sidebar"
            aria-pressed={collapsed}
            onClick={onToggle}
          >
            {collapsed ? <MenuIcon fontSize="small" /> : <MenuOpenIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}

function NavItem({
  section,
  selected,
  collapsed,
}: {
  section: Section & { id: SectionId };
  selected: boolean;
  collapsed: boolean;
}) {
  const Icon = section.icon;
  const allowed = useMay(section.requires ?? 'session.me');
  if (!allowed) return null;
  const item = (
    <ListItemButton
      component="a"
      href={hrefFor(section.id)}
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      aria-label={collapsed ? section.label : undefined}
      sx={collapsed ? { justifyContent: 'center', px: 1 } : undefined}
    >
      <ListItemIcon sx={{ minWidth: collapsed ? 0 : 36 }}>
        <Icon fontSize="small" />
      </ListItemIcon>
      {!collapsed && <ListItemText primary={section.label} />}
    </ListItemButton>
  );
  return collapsed ? (
    <Tooltip title={section.label} placement="right">
      {item}
    </Tooltip>
  ) : (
    item
  );
}
