import { describe, expect, it } from 'vitest';
import { linkStateText } from '../../../src-renderer/settings/whatsapp/link-state-text';

const NOW = 1_800_000_000_000;

describe('the WhatsApp state line', () => {
  it('says what to do at each step of linking', () => {
    expect(linkStateText(null, NOW)).toBe('Checking WhatsApp…');
    expect(linkStateText({ state: 'not_linked', reason: null }, NOW)).toMatch(/^Not linked\./);
    expect(linkStateText({ state: 'connecting', qr: null }, NOW)).toBe('Connecting to WhatsApp…');
    expect(linkStateText({ state: 'connecting', qr: { value: '2@x', image: 'data:' } }, NOW)).toMatch(/Linked devices → Link a device/);
    expect(linkStateText({ state: 'connected', phone: '+15550100099', name: 'Cool Air' }, NOW)).toBe('Connected as +1 555 010 0099.');
  });

  it('counts down to the next attempt when disconnected, and says why', () => {
    const link = { state: 'disconnected' as const, retryAt: NOW + 4_200, reason: 'WhatsApp cannot be reached from this PC (no network or blocked: getaddrinfo ENOTFOUND web.whatsapp.com).' };
    expect(linkStateText(link, NOW)).toBe(`Disconnected. ${link.reason} Retrying in 5 s.`);
    expect(linkStateText(link, NOW + 5_000)).toBe(`Disconnected. ${link.reason} Retrying now…`);
  });

  it('says why it is logged out', () => {
    expect(linkStateText({ state: 'logged_out', reason: 'Another WhatsApp Web session took over this link.' }, NOW)).toBe('Logged out. Another WhatsApp Web session took over this link.');
  });
});
