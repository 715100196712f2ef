import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultClient } from './api/defaultClient';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = createDefaultClient();
window.addEventListener('pagehide', () => client.dispose());

createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
