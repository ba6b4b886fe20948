import type { Role } from '../../../src-shared/domain/workspace';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';

/** A core whose own member has `role`: the role is read when the core opens, so it is set and reopened. */
export function openCoreAs(dataDir: string, role: Role) {
  const first = openTestCore(dataDir);
  first.core.store.sqlite.prepare('UPDATE members SET role = ? WHERE is_self = 1').run(role);
  first.core.close();
  return openTestCore(dataDir);
}

/** A customer who wrote by email, and the conversation that made; `customer` is their address. */
export function customerThread(test: ReturnType<typeof openTestCore>, customer = 'bob@example.test', messageId = '<bob-1@example.test>') {
  const conversationId = test.ingest(
    inboundMessage([{ kind: 'email', value: customer }], {
      id: stableIds.email(messageId),
      channel: 'email',
      subject: 'The kitchen tap is dripping',
      body: 'Can you come and look at it this week?',
    }),
  );
  if (!conversationId) throw new Error('the customer email was a duplicate');
  return conversationId;
}
