import { describe, expect, it } from 'vitest';
import type { EmailAccountView } from '../../../src-shared/domain/email-account';
import { formAfterLoad, formFrom } from '../../../src-renderer/settings/email-form';

const saved: EmailAccountView = {
  address: 'estimates@shop.test',
  senderName: 'Northside Plumbing',
  imap: { host: 'imap.shop.test', port: 993, tls: 'implicit' },
  smtp: null,
  user: 'estimates',
  hasPassword: true,
};

describe('the email settings form when the saved account arrives', () => {
  it('shows the saved account when nothing was typed while it loaded', () => {
    const empty = formFrom(null);
    expect(formAfterLoad(saved, empty, empty)).toEqual(formFrom(saved));
  });

  it('keeps what someone typed while it loaded', () => {
    const empty = formFrom(null);
    const typed = { ...empty, address: 'office@shop.test' };
    expect(formAfterLoad(saved, typed, empty)).toBe(typed);
  });
});
