import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRepositories } from '../data/repositories';
import { App } from './App';
import { getBridge } from './bridge/bridge';
import { ServicesProvider } from './services';
import { useSessionStore } from './session-store';
import './styles.css';

// Entry: wires the store, the bridge and the UI; no logic of its own.
const params = new URLSearchParams(location.search);
const repos = createRepositories(params.get('db') ?? undefined);
const demoTickets = Number(params.get('demo') ?? import.meta.env.VITE_DEMO_TICKETS ?? 500);

async function start() {
  if (params.get('demo') !== '0') await repos.seedDemoIfEmpty(demoTickets);
  repos.tickets.preload();
  useSessionStore.getState().setCurrentUser((await repos.settings.get<string>('currentUserId')) ?? null);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ServicesProvider services={{ repos, bridge: getBridge() }}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}

void start();
