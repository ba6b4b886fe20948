import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';

/**
 * After joining a team the workspace's members, inbox and this PC's person all change at once;
 * loading the page again is the one way every store is sure to start from the new state.
 */
export function useReloadOnSessionChange(): void {
  useEffect(() => window.switchboard.on('session.changed', () => window.location.reload()), []);
  useEffect(() => window.switchboard.on('session.updated', () => void useSessionStore.getState().load()), []);
}
