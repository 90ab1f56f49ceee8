import { useEffect, useState } from 'react';
import type { ConnectionState } from './conversation-socket';

interface ConnectionStatusProps {
  state: ConnectionState;
  /** Offered while waiting to reconnect or offline. */
  onRetry?: () => void;
}

function secondsUntil(timestamp: number): number {
  return Math.max(0, Math.ceil((timestamp - Date.now()) / 1000));
}

/** A small live indicator: connecting, connected, reconnecting in Ns, offline. */
export function ConnectionStatus({ state, onRetry }: ConnectionStatusProps) {
  const retryAt = state.status === 'reconnecting' ? state.retryAt : null;
  const [now, setNow] = useState(() => Date.now());

  // Ticks once a second only while a countdown is shown.
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  let dot = 'bg-slate-400';
  let text: string;
  switch (state.status) {
    case 'idle':
    case 'connecting':
      dot = 'bg-amber-400';
      text = 'Connecting…';
      break;
    case 'connected':
      dot = 'bg-emerald-500';
      text = 'Connected';
      break;
    case 'reconnecting': {
      dot = 'bg-amber-400';
      const seconds = now > 0 ? secondsUntil(state.retryAt) : 0;
      text = seconds > 0 ? `Reconnecting in ${seconds}s` : 'Reconnecting…';
      break;
    }
    case 'offline':
      dot = 'bg-red-500';
      text = `Offline: ${state.reason}`;
      break;
  }
  const canRetry = onRetry && (state.status === 'reconnecting' || state.status === 'offline');

  // The countdown changes every second: screen readers hear only the state changes.
  const announced = state.status === 'reconnecting' ? 'Reconnecting' : text;

  return (
    <div className="flex items-center gap-2 text-xs text-slate-600">
      <span className={`size-2 rounded-full ${dot}`} aria-hidden="true" />
      <span data-testid="connection-status" aria-hidden="true">
        {text}
      </span>
      <span role="status" className="sr-only">
        {announced}
      </span>
      {canRetry && (
        <button type="button" onClick={onRetry} className="underline hover:text-slate-900">
          Retry now
        </button>
      )}
    </div>
  );
}
