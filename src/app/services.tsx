import { createContext, useContext, type ReactNode } from 'react';
import type { SwitchboardBridge } from '../bridge/contract';
import type { Repositories } from '../data/repositories';
import type { SyncEngine } from '../sync/sync-engine';
import type { SessionService } from './session/session-service';

export interface SyncServices {
  serverUrl: string;
  engine: SyncEngine;
  session: SessionService;
}

export interface Services {
  repos: Repositories;
  bridge: SwitchboardBridge;
  /** null: no sync server configured; the console works on its local store alone. */
  sync: SyncServices | null;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}
