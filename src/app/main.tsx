import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRepositories } from '../data/repositories';
import { createSyncEngine } from '../sync/sync-engine';
import { App } from './App';
import { getBridge } from './bridge/bridge';
import { ServicesProvider, type SyncServices } from './services';
import { SessionService } from './session/session-service';
import { useSessionStore } from './session/session-store';
import { resolveServerUrl } from './sync/server-url';
import './styles.css';

// Entry: wires the store, the bridge, sync and the UI; no logic of its own.
const params = new URLSearchParams(location.search);
const repos = createRepositories(params.get('db') ?? undefined);
const bridge = getBridge();

async function start() {
  // No early read of every ticket here: the queue starts it once its first
  // screen is up (QueueScreen), or the big read would hold that screen up.
  const info = await bridge.app.info();
  const serverUrl = resolveServerUrl(info.serverUrl, params, import.meta.env.VITE_SYNC_SERVER_URL);
  let sync: SyncServices | null = null;
  if (serverUrl) {
    // With a server, the workspace comes from it: no local demo data.
    const session = new SessionService(serverUrl, bridge, repos);
    const engine = createSyncEngine({ store: repos.sync, baseUrl: serverUrl, getToken: () => session.token() });
    sync = { serverUrl, engine, session };
    const restored = await session.restore();
    if (!restored) useSessionStore.getState().openSignIn();
    engine.start();
  } else if (params.get('demo') !== '0') {
    await repos.seedDemoIfEmpty(Number(params.get('demo') ?? import.meta.env.VITE_DEMO_TICKETS ?? 500));
  }
  useSessionStore.getState().setCurrentUser((await repos.settings.get<string>('currentUserId')) ?? null);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ServicesProvider services={{ repos, bridge, sync }}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}

void start();
