import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useConnectionStore } from './stores/connection-store';
import { installApi } from './transport/install-api';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/inbox.css';
import './styles/thread.css';
import './styles/composer.css';
import './styles/contact.css';
import './styles/settings.css';
import './styles/email.css';
import './styles/other-mail.css';
import './styles/whatsapp.css';
import './styles/team.css';

// Before any store runs: the stores call window.switchboard, which the browser build has to provide.
const api = installApi();
if (api.kind === 'websocket') {
  useConnectionStore.getState().setMissingToken(!api.hasToken);
  api.transport.onStatus((status) => useConnectionStore.getState().setStatus(status));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
