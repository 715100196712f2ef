import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultClient } from './api/defaultClient';
import { establishWebSession } from './api/webSession';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = container;

async function start(): Promise<void> {
  // Electron talks IPC; web mode first signs the page in (a one-time code in the URL fragment, or its stored session).
  let session;
  if (!window.berth) {
    const signIn = await establishWebSession({
      location,
      history,
      storage: localStorage,
      fetch: window.fetch.bind(window),
    });
    if (!signIn.ok) {
      // Plain DOM: nothing of the app runs without a session.
      const heading = document.createElement('h1');
      heading.textContent = 'Sign in to Berth';
      const text = document.createElement('p');
      text.textContent = signIn.message;
      const main = document.createElement('main');
      main.style.cssText =
        'font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem';
      main.append(heading, text);
      root.replaceChildren(main);
      return;
    }
    session = signIn.grant;
  }
  const client = createDefaultClient(window, session);
  window.addEventListener('pagehide', () => client.dispose());
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

void start();
