import { useEffect, useState } from 'react';
import type { SearchHit } from '../../src-shared/api/requests';
import type { ConversationSummary } from '../../src-shared/domain/conversation';
import { errorMessage } from '../format/error-message';
import { SEARCH_DEBOUNCE_MS } from '../stores/search-store';

const LIMIT = 20;

export interface ContactSearch {
  status: 'idle' | 'searching' | 'ready' | 'error';
  /** One conversation per contact, never the excluded one. */
  candidates: ConversationSummary[];
  error: string | null;
}

interface Answer {
  query: string;
  hits: SearchHit[];
  error: string | null;
}

/** Search can hit a contact once by name and again by a message; a contact is offered once. */
function candidatesOf(hits: SearchHit[], excludeContactId: string): ConversationSummary[] {
  const seen = new Set([excludeContactId]);
  const candidates: ConversationSummary[] = [];
  for (const { conversation } of hits) {
    if (seen.has(conversation.contactId)) continue;
    seen.add(conversation.contactId);
    candidates.push(conversation);
  }
  return candidates;
}

/**
 * The picker's own search, apart from the inbox's: looking for a contact to merge must not replace what
 * the conversation list shows.
 */
export function useContactSearch(query: string, excludeContactId: string): ContactSearch {
  const trimmed = query.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (trimmed === '') return;
    // Cleared when the query changes, so a slow answer to an earlier query never lands.
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const hits = await window.switchboard.request('search.query', { query: trimmed, limit: LIMIT });
        if (current) setAnswer({ query: trimmed, hits, error: null });
      } catch (error) {
        if (current) setAnswer({ query: trimmed, hits: [], error: errorMessage(error) });
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  if (trimmed === '') return { status: 'idle', candidates: [], error: null };
  // The previous answer stays listed while the next one is on its way, so the list does not flicker.
  const candidates = answer === null ? [] : candidatesOf(answer.hits, excludeContactId);
  if (answer?.query !== trimmed) return { status: 'searching', candidates, error: null };
  if (answer.error !== null) return { status: 'error', candidates: [], error: answer.error };
  return { status: 'ready', candidates, error: null };
}
