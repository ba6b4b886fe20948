import { createCore } from '../../src-main/core/create-core';
import { createConversationRollup } from '../../src-main/core/conversations/conversation-rollup';
import { createInboxQueries } from '../../src-main/core/conversations/inbox-queries';
import { createIngest } from '../../src-main/core/ingest/ingest-inbound';
import type { NormalizedInbound } from '../../src-shared/domain/inbound';

/** A real core over a real SQLite file in `dataDir`, plus the internals tests look into. */
export function openTestCore(dataDir: string, options: { demo?: boolean } = {}) {
  const core = createCore({ dataDir, demo: options.demo ?? false });
  const rollup = createConversationRollup(core.store.sqlite);
  const inbox = createInboxQueries(core.store.sqlite);
  const workspaceId = core.session.workspace.id;
  const ingestBatch = createIngest(core.store, rollup);
  /** Ingests one entry in its own transaction and returns its conversation, or null for a duplicate. */
  const ingest = (inbound: NormalizedInbound): string | null => {
    const [outcome] = ingestBatch(workspaceId, [inbound]);
    return outcome?.status === 'added' ? outcome.conversationId : null;
  };
  const request = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { core, rollup, inbox, workspaceId, request, ingest };
}
