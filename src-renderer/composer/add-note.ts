import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from './resend-on-connection-loss';

/** Safe to resend: main recognizes the clientId and returns the note it already saved. */
export function addNote(conversationId: string, clientId: string, body: string): Promise<TimelineEntry> {
  return resendOnConnectionLoss(() => window.switchboard.request('notes.add', { conversationId, clientId, body }));
}
