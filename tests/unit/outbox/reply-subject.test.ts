import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { replySubject } from '../../../src-renderer/composer/email/reply-subject';

const entry = (channel: TimelineEntry['channel'], subject: string | null): TimelineEntry => ({
  id: `${channel}:${subject}`,
  conversationId: 'cv_1',
  kind: 'message',
  channel,
  direction: 'inbound',
  authorMemberId: null,
  subject,
  body: '',
  occurredAt: 1,
  deliveryStatus: 'received',
  attachments: [],
  call: null,
});

describe('the subject an email reply starts with', () => {
  it('answers the latest email of the thread, whatever came by SMS since', () => {
    expect(replySubject([entry('email', 'Water heater'), entry('email', 'Boiler quote'), entry('sms', null)])).toBe('Re: Boiler quote');
  });

  it('never stacks "Re:", and is empty for a thread without email', () => {
    expect(replySubject([entry('email', 'RE: Boiler quote')])).toBe('RE: Boiler quote');
    expect(replySubject([entry('sms', null)])).toBe('');
  });
});
