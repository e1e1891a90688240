import { useEffect, useState } from 'react';
import type { AppInfo } from '../bridge/contract';
import { useServices } from './services';
import { AppFrame } from './shell/AppFrame';

export function App() {
  const { bridge } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    bridge.app.info().then(setInfo, () => setInfo(null));
  }, [bridge]);
  const status = (
    <span className="store-status" title="Tickets are stored on this device and work with no network.">
      Stored on this device{info ? ` · ${info.runtime === 'electron' ? 'desktop' : 'browser'} ${info.version}` : ''}
    </span>
  );
  return <AppFrame status={status} />;
}
