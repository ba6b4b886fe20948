import type { EmailChannelHooks } from '../../core/channels/channel-hooks';
import { testEmailConnection } from './connection-test/test-connection';
import { createEmailChannel } from './sync/email-channel';

/** What a shell hands the core so it can run the email channel and test an account's settings. */
export const emailChannelHooks: EmailChannelHooks = {
  create: (account, password, emailStore) => createEmailChannel(account, password, emailStore),
  test: testEmailConnection,
};
