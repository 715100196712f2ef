import { useEffect, useState } from 'react';
import { CssBaseline } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import type { EngineClient } from '../api/contract';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LeaveGuard } from '../components/unsaved/LeaveGuard';
import { InstallScreen } from '../features/onboarding/InstallScreen';
import { StoreProvider, useBerth } from '../stores/context';
import { bindEngine, createBerthStore } from '../stores/store';
import { Notifications } from './Notifications';
import { Shell } from './Shell';
import { theme } from './theme';
import { ThemeSync } from './ThemeSync';

function Root() {
  const notInstalled = useBerth((s) => s.engineStatus?.state === 'not-installed');
  return notInstalled ? <InstallScreen /> : <Shell />;
}

/** The whole renderer: one store per window over the given engine client. */
export function App({ client }: { client: EngineClient }) {
  const [store] = useState(() => createBerthStore(client));
  useEffect(() => bindEngine(store, client), [store, client]);
  return (
    <StoreProvider store={store}>
      <ThemeProvider theme={theme} defaultMode="system">
        <CssBaseline enableColorScheme />
        <ThemeSync />
        <ErrorBoundary what="Berth">
          <Root />
        </ErrorBoundary>
        <Notifications />
        <LeaveGuard />
      </ThemeProvider>
    </StoreProvider>
  );
}
