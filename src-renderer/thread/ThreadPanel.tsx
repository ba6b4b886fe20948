import { Composer } from '../composer/Composer';
import { useThreadStore } from '../stores/thread-store';
import { EmptyState } from '../ui/EmptyState';
import { ThreadHeader } from './ThreadHeader';
import { Timeline } from './Timeline';

export function ThreadPanel() {
  const openId = useThreadStore((state) => state.openId);
  const detail = useThreadStore((state) => state.detail);
  const status = useThreadStore((state) => state.status);
  const error = useThreadStore((state) => state.error);

  if (openId === null) {
    return (
      <section className="thread-panel">
        <EmptyState title="No conversation selected">Pick a customer on the left to read and add notes.</EmptyState>
      </section>
    );
  }
  if (status === 'error') {
    return (
      <section className="thread-panel">
        <div className="list-status list-status--error" role="alert">
          Could not open this conversation: {error}
        </div>
      </section>
    );
  }
  if (detail === null) {
    return (
      <section className="thread-panel">
        <div className="list-status">Loading conversation…</div>
      </section>
    );
  }

  return (
    <section className="thread-panel" data-testid="thread" data-conversation-id={detail.conversation.id}>
      <ThreadHeader detail={detail} />
      <Timeline conversationId={detail.conversation.id} entries={detail.entries} />
      <Composer key={detail.conversation.id} conversationId={detail.conversation.id} />
    </section>
  );
}
