import type { ConversationDetail } from '../../src-shared/api/requests';
import { useSessionStore } from '../stores/session-store';
import { ClaimControls } from './ClaimControls';
import { ClaimNotice } from './ClaimNotice';
import { NeedsResponse } from './NeedsResponse';

export function ThreadHeader({ detail }: { detail: ConversationDetail }) {
  const session = useSessionStore((state) => state.session);
  const { conversation, contact } = detail;
  return (
    <header className="thread-header">
      <div className="thread-header__title">
        <h1 className="thread-header__name">{contact.displayName}</h1>
        {contact.company && <span className="thread-header__company">{contact.company}</span>}
      </div>
      <div className="thread-header__meta">
        {conversation.needsResponse && <NeedsResponse conversationId={conversation.id} />}
        {session && <ClaimNotice claim={detail.claim} members={session.members} />}
        {session && <ClaimControls conversation={conversation} me={session.me} members={session.members} pending={detail.claim.pendingMine} />}
      </div>
    </header>
  );
}
