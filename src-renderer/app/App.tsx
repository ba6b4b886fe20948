import { useEffect } from 'react';
import { ContactPanel } from '../contact/ContactPanel';
import { InboxPanel } from '../inbox/InboxPanel';
import { OtherMailReader } from '../other-mail/OtherMailReader';
import { useOtherMailStore } from '../other-mail/other-mail-store';
import { useInboxStore } from '../stores/inbox-store';
import { SettingsOverlay } from '../settings/SettingsOverlay';
import { useSessionStore } from '../stores/session-store';
import { ThreadPanel } from '../thread/ThreadPanel';
import { ConnectionBanner } from './ConnectionBanner';
import { HeaderBar } from './HeaderBar';
import { useConversationsChanged } from './use-conversations-changed';
import { useReloadOnSessionChange } from './use-reload-on-session-change';
import { SyncBanner } from '../team/SyncBanner';
import { WhatsAppRelinkBanner } from '../settings/whatsapp/WhatsAppRelinkBanner';

export function App() {
  useConversationsChanged();
  useReloadOnSessionChange();
  const otherMail = useOtherMailStore((state) => state.active);
  useEffect(() => {
    void useSessionStore.getState().load();
    void useInboxStore.getState().refresh();
  }, []);

  return (
    <div className="app">
      <HeaderBar />
      <ConnectionBanner />
      <SyncBanner />
      <WhatsAppRelinkBanner />
      <main className="workspace">
        <InboxPanel />
        {otherMail ? (
          <OtherMailReader />
        ) : (
          <>
            <ThreadPanel />
            <ContactPanel />
          </>
        )}
      </main>
      <SettingsOverlay />
    </div>
  );
}
