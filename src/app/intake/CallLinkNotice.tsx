import { useEffect, useState } from 'react';
import { useServices } from '../services';
import { startCallLinks } from './call-link-listener';
import { useIncomingCall } from './incoming-call-store';

/**
 * Listens for call links from the moment the console is up (rendered once, at
 * the app root) and, when one was refused, says so where the person sees it:
 * a phone rang, the console did not take the number, and it should be typed.
 */
export function CallLinkNotice() {
  const { bridge } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      startCallLinks({
        search: location.search,
        replaceSearch: (search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`),
        nextLink: () => bridge.callLinks.next(),
        offer: (call) => {
          setProblem(null);
          useIncomingCall.getState().offer(call);
        },
        refuse: setProblem,
      }),
    [bridge],
  );
  if (problem === null) return null;
  return <CallLinkProblem problem={problem} onDismiss={() => setProblem(null)} />;
}

export function CallLinkProblem({ problem, onDismiss }: { problem: string; onDismiss: () => void }) {
  return (
    <div className="call-link-notice" role="alert" data-testid="call-link-notice">
      <p>{problem} Ask the caller for their number and type it in.</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
