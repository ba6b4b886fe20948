import { OtherMailPanel } from '../other-mail/OtherMailPanel';
import { OtherMailTab } from '../other-mail/OtherMailTab';
import { useOtherMailStore } from '../other-mail/other-mail-store';
import { OtherWhatsAppPanel } from '../other-whatsapp/OtherWhatsAppPanel';
import { OtherWhatsAppTab } from '../other-whatsapp/OtherWhatsAppTab';
import { useOtherWhatsAppStore } from '../other-whatsapp/other-whatsapp-store';
import { useSearchStore } from '../stores/search-store';
import { ConversationList } from './ConversationList';
import { FilterTabs } from './FilterTabs';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';

export function InboxPanel() {
  const searching = useSearchStore((state) => state.status !== 'idle');
  const otherMail = useOtherMailStore((state) => state.active);
  const otherWhatsApp = useOtherWhatsAppStore((state) => state.active);
  if (otherMail) return <OtherMailPanel />;
  if (otherWhatsApp) return <OtherWhatsAppPanel />;
  return (
    <nav className="inbox-panel" aria-label="Conversations">
      <SearchBox />
      {searching ? (
        <SearchResults />
      ) : (
        <>
          <FilterTabs />
          <OtherMailTab />
          <OtherWhatsAppTab />
          <ConversationList />
        </>
      )}
    </nav>
  );
}
