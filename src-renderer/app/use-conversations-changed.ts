import { useEffect } from 'react';
import { useInboxStore } from '../stores/inbox-store';
import { useSessionStore } from '../stores/session-store';
import { useThreadStore } from '../stores/thread-store';

/** Main pushes which conversations changed; an empty list (as after a reconnect) means "assume all". */
export function useConversationsChanged(): void {
  useEffect(
    () =>
      window.switchboard.on('conversations.changed', ({ conversationIds }) => {
        const everything = conversationIds.length === 0;
        void useInboxStore.getState().refresh();
        const openId = useThreadStore.getState().openId;
        if (openId !== null && (everything || conversationIds.includes(openId))) {
          void useThreadStore.getState().refresh();
        }
        if (everything && useSessionStore.getState().session === null) void useSessionStore.getState().load();
      }),
    [],
  );
}
