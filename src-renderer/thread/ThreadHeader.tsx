import type { ConversationDetail } from '../../src-shared/api/requests';
import { useSessionStore } from '../stores/session-store';

export function ThreadHeader({ detail }: { detail: ConversationDetail }) {
  const members = useSessionStore((state) => state.session?.members);
  const { conversation, contact } = detail;
  const assignee = conversation.assigneeId === null ? null : members?.find((m) => m.id === conversation.assigneeId);
  return (
    <header className="thread-header">
      <div className="thread-header__title">
        <h1 className="thread-header__name">{contact.displayName}</h1>
        {contact.company && <span className="thread-header__company">{contact.company}</span>}
      </div>
      <div className="thread-header__meta">
        {conversation.needsResponse && <span className="pill pill--attention">Needs response</span>}
        <span className="pill">
          {conversation.assigneeId === null ? 'Unassigned' : `Assigned to ${assignee?.name ?? 'a teammate'}`}
        </span>
      </div>
    </header>
  );
}
