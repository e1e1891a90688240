import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../bridge/contract';
import { useLive } from './hooks/useLive';
import { useServices } from './services';
import { useSessionStore } from './session-store';
import { AppFrame } from './shell/AppFrame';

export function App() {
  const { bridge, repos } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    bridge.app.info().then(setInfo, () => setInfo(null));
  }, [bridge]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const reference = useLive(referenceLive);
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const me = reference?.staff.find((s) => s.id === currentUserId);

  const status = (
    <>
      {me && (
        <span className="signed-in" data-testid="signed-in-as">
          {me.name}
        </span>
      )}
      <span className="store-status" title="Tickets are stored on this device and work with no network.">
        Stored on this device{info ? ` · ${info.runtime === 'electron' ? 'desktop' : 'browser'} ${info.version}` : ''}
      </span>
    </>
  );
  return <AppFrame status={status} />;
}
