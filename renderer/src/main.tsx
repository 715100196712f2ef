import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CssBaseline } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import type { WebSessionGrant } from './api/contract';
import { createDefaultClient } from './api/defaultClient';
import { establishWebSession, fetchAuthMode, signInWithPassword } from './api/webSession';
import { App } from './app/App';
import { theme } from './app/theme';
import { SignInPage } from './features/accounts/SignInPage';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root: Root = createRoot(container);
const env = { location, history, storage: localStorage, fetch: window.fetch.bind(window) };

function startApp(session?: WebSessionGrant): void {
  const client = createDefaultClient(window, session);
  window.addEventListener('pagehide', () => client.dispose());
  root.render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

async function start(): Promise<void> {
  // Electron talks IPC; web mode first signs the page in (a one-time code in the URL fragment, its stored
  // session, or in accounts mode a username and password).
  if (window.berth) return startApp();
  const signIn = await establishWebSession(env);
  if (signIn.ok) return startApp(signIn.grant);
  const mode = await fetchAuthMode(env);
  // Nothing of the app runs without a session.
  root.render(
    <StrictMode>
      <ThemeProvider theme={theme} defaultMode="system">
        <CssBaseline enableColorScheme />
        <SignInPage
          mode={mode}
          message={signIn.message}
          signIn={(body) => signInWithPassword(env, body)}
          onSignedIn={startApp}
        />
      </ThemeProvider>
    </StrictMode>,
  );
}

void start();
