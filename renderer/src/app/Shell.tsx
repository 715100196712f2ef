import { Suspense } from 'react';
import { AppBar, Box, CircularProgress, Link, Toolbar, Typography } from '@mui/material';
import SailingIcon from '@mui/icons-material/Sailing';
import { NotBuiltYet } from '../components/NotBuiltYet';
import { UnreachableBanner } from '../features/onboarding/UnreachableBanner';
import { InsecureEngineBanner } from '../features/security/engine/InsecureEngineBanner';
import { TasksButton } from '../features/tasks/TasksButton';
import { EngineStatusIndicator } from './EngineStatusIndicator';
import { AccountMenu } from '../features/accounts/AccountMenu';
import { sections, type Section } from './sections';
import { Sidebar, useSidebarCollapsed } from './Sidebar';
import { useHashRoute, useRoutePath } from './useHashRoute';

const MAIN_ID = 'main-content';

/** The first stop of the tab order: jumps past the app bar and navigation to the page (shown when focused). */
function SkipLink() {
  return (
    <Link
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        // The hash is the router's: move the focus without navigating.
        e.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
      sx={{
        position: 'absolute',
        left: 8,
        top: -48,
        zIndex: 'tooltip',
        p: 1,
        bgcolor: 'background.paper',
        '&:focus': { top: 8 },
      }}
    >
      Skip to content
    </Link>
  );
}

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
  const [collapsed, toggleSidebar] = useSidebarCollapsed();
  if (!section) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <SkipLink />
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
          <AccountMenu />
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Sidebar current={section.id} collapsed={collapsed} onToggle={toggleSidebar} />
        <Box
          component="main"
          id={MAIN_ID}
          tabIndex={-1}
          sx={{
            flex: 1,
            minWidth: 0,
            display: 'flex',
            flexDirection: 'column',
            overflow: 'auto',
            outline: 'none',
          }}
        >
          <UnreachableBanner />
          <InsecureEngineBanner />
          <Box sx={{ flex: 1, minHeight: 0 }}>
            <Page section={section} />
          </Box>
        </Box>
      </Box>
    </Box>
  );
}
