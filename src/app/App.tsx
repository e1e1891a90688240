import { useMemo } from 'react';
import { useLive } from './hooks/useLive';
import { CallLinkNotice } from './intake/CallLinkNotice';
import { useSlaNotifications } from './notifications/useSlaNotifications';
import { useServices } from './services';
import { SignInDialog } from './session/SignInDialog';
import type { SignInResult } from './session/session-service';
import { useSessionStore } from './session/session-store';
import { AppFrame } from './shell/AppFrame';
import { SyncStatusBar } from './sync/SyncStatusBar';

export function App() {
  const { repos, sync } = useServices();
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const reference = useLive(referenceLive);
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const signInOpen = useSessionStore((s) => s.signInOpen);
  const openSignIn = useSessionStore((s) => s.openSignIn);
  const closeSignIn = useSessionStore((s) => s.closeSignIn);
  const me = reference?.staff.find((s) => s.id === currentUserId);
  useSlaNotifications();

  const status = (
    <>
      {me && (
        <span className="signed-in" data-testid="signed-in-as">
          {me.name}
        </span>
      )}
      {sync ? (
        <SyncStatusBar
          engine={sync.engine}
          onSignIn={openSignIn}
          onDismiss={(id) => void repos.sync.dismissRejection(id).then(() => sync.engine.syncNow())}
        />
      ) : (
        <span className="store-status" title="No sync server is configured: tickets are stored on this device only.">
          Local only · stored on this device
        </span>
      )}
    </>
  );
  // Whichever way in (password or setup code), the console carries on the same way.
  const signedIn = (result: SignInResult): string | null => {
    if (!result.ok) return result.message;
    closeSignIn();
    void sync?.engine.initialSync();
    return null;
  };
  return (
    <>
      <AppFrame status={status} />
      <CallLinkNotice />
      {sync && signInOpen && (
        <SignInDialog
          serverUrl={sync.serverUrl}
          onClose={closeSignIn}
          onSubmit={async (fields) => signedIn(await sync.session.signIn(fields))}
          onSetupPassword={async (request) => signedIn(await sync.session.setupPassword(request))}
        />
      )}
    </>
  );
}
