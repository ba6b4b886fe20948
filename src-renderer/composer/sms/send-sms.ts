import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from '../resend-on-connection-loss';

/** Safe to resend: the clientId is the outbox item's id, so a second submit finds the first one's item. */
export function sendSms(input: { conversationId: string; clientId: string; body: string }): Promise<TimelineEntry> {
  return resendOnConnectionLoss(() => window.switchboard.request('sms.send', input));
}
