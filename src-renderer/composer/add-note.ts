import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { ConnectionLostError } from '../transport/connection-lost-error';

const MAX_ATTEMPTS = 3;

/**
 * notes.add is the one request safe to resend after a dropped connection: main recognizes the clientId
 * and returns the note it already saved instead of saving it twice.
 */
export async function addNote(conversationId: string, clientId: string, body: string): Promise<TimelineEntry> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await window.switchboard.request('notes.add', { conversationId, clientId, body });
    } catch (error) {
      if (!(error instanceof ConnectionLostError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
