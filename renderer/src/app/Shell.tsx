import { Suspense } from 'react';
import {
  AppBar,
  Box,
  CircularProgress,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import SailingIcon from '@mui/icons-material/Sailing';
import { NotBuiltYet } from '../components/NotBuiltYet';
import { UnreachableBanner } from '../features/onboarding/UnreachableBanner';
import { TasksButton } from '../features/tasks/TasksButton';
import { EngineStatusIndicator } from './EngineStatusIndicator';
import { sections, type Section, type SectionId } from './sections';
import { hrefFor, useHashRoute, useRoutePath } from './useHashRoute';

const NAV_WIDTH = 200;

/** The current section's page from the sections table; its detail page for `#/<section>/<id>[/<tab>]`. */
function Page({ section }: { section: Section }) {
  const [detailId, detailTab] = useRoutePath();
  const { page: Main, detail: Detail } = section;
  if (!Main) return <NotBuiltYet title={section.label} description={section.description} />;
  return (
    <Suspense fallback={<CircularProgress size={24} sx={{ m: 4 }} aria-label={`Loading ${section.label}`} />}>
      {detailId && Detail ? <Detail id={detailId} tab={detailTab} /> : <Main />}
    </Suspense>
  );
}

/** App bar with the engine status, the section navigation, and the current section. */
export function Shell() {
  const [current] = useHashRoute();
  const section = sections.find((s) => s.id === current) ?? sections[0];
  if (!section) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <AppBar
        position="static"
        elevation={0}
        color="default"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar variant="dense" sx={{ gap: 1 }}>
          <SailingIcon color="primary" aria-hidden />
          <Typography variant="h6" component="div" sx={{ flex: 1 }}>
            Berth
          </Typography>
          <TasksButton />
          <EngineStatusIndicator />
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Box
          component="nav"
          aria-label="Sections"
          sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', overflowY: 'auto' }}
        >
          <List dense>
            {sections.map((s) => (
              <NavItem key={s.id} section={s} selected={s.id === current} />
            ))}
          </List>
        </Box>
        <Box
          component="main"
          sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}
        >
          <UnreachableBanner />
          <Box sx={{ flex: 1, minHeight: 0 }}>
            <Page section={section} />
          </Box>
        </Box>
      </Box>
    </Box>
  );
}

function NavItem({ section, selected }: { section: Section & { id: SectionId }; selected: boolean }) {
  const Icon = section.icon;
  return (
    <ListItemButton
      component="a"
      href={hrefFor(section.id)}
      selected={selected}
      aria-current={selected ? 'page' : undefined}
    >
      <ListItemIcon sx={{ minWidth: 36 }}>
        <Icon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={section.label} />
    </ListItemButton>
  );
}
