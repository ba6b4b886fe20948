import { useEffect } from 'react';
import { ContactPanel } from '../contact/ContactPanel';
import { InboxPanel } from '../inbox/InboxPanel';
import { useInboxStore } from '../stores/inbox-store';
import { useSessionStore } from '../stores/session-store';
import { ThreadPanel } from '../thread/ThreadPanel';
import { ConnectionBanner } from './ConnectionBanner';
import { HeaderBar } from './HeaderBar';
import { useConversationsChanged } from './use-conversations-changed';

export function App() {
  useConversationsChanged();
  useEffect(() => {
    void useSessionStore.getState().load();
    void useInboxStore.getState().refresh();
  }, []);

  return (
    <div className="app">
      <HeaderBar />
      <ConnectionBanner />
      <main className="workspace">
        <InboxPanel />
        <ThreadPanel />
        <ContactPanel />
      </main>
    </div>
  );
}
