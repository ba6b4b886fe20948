import { create } from 'zustand';
import { errorMessage } from '../format/error-message';

type ClaimRequest =
  | { kind: 'claim'; conversationId: string }
  | { kind: 'release'; conversationId: string }
  | { kind: 'assign'; conversationId: string; assigneeId: string | null };

interface ClaimState {
  busyId: string | null;
  error: { conversationId: string; message: string } | null;
  run: (request: ClaimRequest) => Promise<void>;
}

/**
 * Claim, release and assign. The list and the thread refetch on the change event the core sends, so
 * this store only tracks the request in flight and its error.
 */
export const useClaimStore = create<ClaimState>()((set) => ({
  busyId: null,
  error: null,
  run: async (request) => {
    set({ busyId: request.conversationId, error: null });
    try {
      const { conversationId } = request;
      if (request.kind === 'claim') await window.switchboard.request('conversations.claim', { conversationId });
      else if (request.kind === 'release') await window.switchboard.request('conversations.release', { conversationId });
      else await window.switchboard.request('conversations.assign', { conversationId, assigneeId: request.assigneeId });
    } catch (error) {
      set({ error: { conversationId: request.conversationId, message: errorMessage(error) } });
    } finally {
      set({ busyId: null });
    }
  },
}));
