import { describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../../src-main/channels/whatsapp/normalize/normalize-event';
import type { WhatsAppItem } from '../../../src-main/channels/whatsapp/normalize/whatsapp-item';
import { readWhatsAppFixture, whatsappFixtureIds } from '../../support/whatsapp-corpus';

const NOW = 1_800_000_000_000;
const DANA = '15550100003@s.whatsapp.net';
const danaId = (keyId: string) => `wa:${DANA}:${keyId}`;
const danaIdentities = [
  { kind: 'phone', value: '+15550100003' },
  { kind: 'whatsapp', value: DANA },
];
const fromDana = (keyId: string, seconds: number, body: string, attachments: unknown[] = []) => ({
  type: 'entry',
  keyId,
  entry: {
    id: danaId(keyId),
    channel: 'whatsapp',
    kind: 'message',
    direction: 'inbound',
    customer: { identities: danaIdentities, displayName: 'Dana (tenant 4B)' },
    subject: null,
    body,
    occurredAt: seconds * 1000,
    deliveryStatus: 'received',
    attachments,
    call: null,
  },
});
const statusOf = (keyId: string, status: string, chat = DANA) => ({ type: 'change', change: { kind: 'status', targetIds: [`wa:${chat}:${keyId}`], status } });
const STUB_ID = 'wa:100000000000001@lid:5039831BE3DAE5C0EE183018363B5557';
const EDITED = 'Hi, the AC in unit 4B is leaking again. Can someone come tomorrow morning?';

/** What each fixture of ../shared/corpus/whatsapp must become, one entry per file of its index. */
const EXPECTED: Record<string, unknown[]> = {
  'real-group-reply-lid': [
    {
      type: 'group',
      message: {
        id: 'wa:120363163341782618@g.us:13AD51EA1A5564BABC08DC183D39E64A',
        chatJid: '120363163341782618@g.us',
        senderJid: '2521****522@lid',
        // The reporter masked the number, so it is no phone number.
        senderPhone: null,
        senderName: 'Ryujin',
        direction: 'inbound',
        body: 'woila',
        occurredAt: 1754122907000,
        attachments: [],
      },
    },
  ],
  'real-group-revoke': [{ type: 'change', change: { kind: 'revoke', targetIds: ['wa:120363151623077576@g.us:3A094AD1F16E847023AE'], at: 1713135736000 } }],
  'real-group-image-no-caption': [
    {
      type: 'group',
      message: {
        id: 'wa:120363039697526678@g.us:3A2586CBDCE7668AB9A1',
        senderJid: 'me',
        direction: 'outbound',
        body: '',
        occurredAt: 1689176549000,
        attachments: [{ filename: 'image.jpeg', contentType: 'image/jpeg', size: 101742, sha256: null }],
      },
    },
  ],
  'real-update-empty-on-edit-or-revoke': [{ type: 'skip' }],
  'real-log-lid-stub-resend-1': [
    {
      type: 'entry',
      entry: {
        id: 'wa:15550100001@s.whatsapp.net:3A39935C8D1738F00209',
        direction: 'inbound',
        customer: {
          identities: [
            { kind: 'phone', value: '+15550100001' },
            { kind: 'whatsapp', value: '15550100001@s.whatsapp.net' },
            { kind: 'whatsapp', value: '100000000000001@lid' },
          ],
          displayName: 'Customer A',
        },
        body: 'Botcheck',
        occurredAt: 1756651176000,
        deliveryStatus: 'received',
      },
    },
  ],
  'real-log-lid-stub-resend-2': [
    {
      type: 'entry',
      entry: {
        id: 'wa:15550100001@s.whatsapp.net:3EB05272103BF305201164',
        direction: 'outbound',
        customer: { identities: [{ kind: 'phone', value: '+15550100001' }, { kind: 'whatsapp', value: '15550100001@s.whatsapp.net' }], displayName: null },
        body: '_chatbot connection is active_',
        occurredAt: 1756651176000,
        deliveryStatus: 'sending',
      },
    },
  ],
  'real-log-lid-stub-resend-3': [
    {
      type: 'stub',
      stub: { id: STUB_ID, chatJid: '100000000000001@lid', keyId: '5039831BE3DAE5C0EE183018363B5557', occurredAt: 1756651196000, reason: 'No matching sessions found for message' },
    },
  ],
  'real-log-lid-stub-resend-4': [{ type: 'skip', reason: 'a protocol message (PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE)' }],
  'real-log-lid-stub-resend-5': [
    {
      type: 'entry',
      entry: {
        id: STUB_ID,
        direction: 'outbound',
        customer: { identities: [{ kind: 'whatsapp', value: '100000000000001@lid' }], displayName: null },
        body: 'Hu',
        occurredAt: 1756651196000,
        deliveryStatus: 'read',
      },
    },
  ],
  'real-log-lid-stub-resend-6': [{ type: 'entry', entry: { id: STUB_ID, body: 'Hu', deliveryStatus: 'sent' } }],
  'constructed-conversation-1to1': [fromDana('3A1F00000000000000A1', 1756700000, 'Hi, the AC in unit 4B is leaking again. Can someone come today?')],
  'constructed-extended-text-link': [fromDana('3A1F00000000000000A2', 1756700060, 'Same model as this one https://example.com/ac-unit-x200')],
  'constructed-image-with-caption': [
    fromDana('3A1F00000000000000A3', 1756700120, 'Water under the indoor unit 💧', [{ filename: 'image.jpeg', contentType: 'image/jpeg', size: 101742, sha256: null }]),
  ],
  'constructed-document-pdf': [fromDana('3A1F00000000000000A4', 1756700180, '', [{ filename: 'lease-4B.pdf', contentType: 'application/pdf', size: 182133, sha256: null }])],
  'constructed-document-with-caption-wrapper': [
    fromDana('3A1F00000000000000A5', 1756700200, "Here is last month's invoice", [{ filename: 'invoice-1042.pdf', contentType: 'application/pdf', size: 52344, sha256: null }]),
  ],
  'constructed-reaction-add': [{ type: 'change', change: { kind: 'reaction', targetIds: [danaId('3EB0C0FFEE0000000001')], by: DANA, emoji: '👍', at: 1756700259812 } }],
  'constructed-reaction-event': [{ type: 'change', change: { kind: 'reaction', targetIds: [danaId('3EB0C0FFEE0000000001')], by: DANA, emoji: '👍', at: 1756700259812 } }],
  'constructed-reaction-removed': [{ type: 'change', change: { kind: 'reaction', targetIds: [danaId('3EB0C0FFEE0000000001')], by: DANA, emoji: '', at: 1756700300001 } }],
  'constructed-edit-upsert': [{ type: 'change', change: { kind: 'edit', targetIds: [danaId('3A1F00000000000000A1')], body: EDITED, at: 1756700399500 } }],
  'constructed-edit-update': [{ type: 'change', change: { kind: 'edit', targetIds: [danaId('3A1F00000000000000A1')], body: EDITED, at: 1756700399000 } }],
  'constructed-revoke-update': [{ type: 'change', change: { kind: 'revoke', targetIds: [danaId('3A1F00000000000000A2')], at: NOW } }],
  // The first update names the chat with a device suffix (":12"): both land on the same message.
  'constructed-status-out-of-order': [statusOf('3EB0C0FFEE0000000002', 'read'), statusOf('3EB0C0FFEE0000000002', 'delivered')],
  'constructed-status-played-and-error': [statusOf('3EB0C0FFEE0000000004', 'played'), statusOf('3EB0C0FFEE0000000005', 'failed')],
  'constructed-status-sequence': [
    statusOf('3EB0C0FFEE0000000002', 'sent'),
    statusOf('3EB0C0FFEE0000000002', 'delivered'),
    statusOf('3EB0C0FFEE0000000002', 'read'),
  ],
  'constructed-status-skips-server-ack': [statusOf('3EB0C0FFEE0000000003', 'delivered')],
  'constructed-group-receipts': [{ ...statusOf('3EB0C0FFEE0000000006', 'read', '120363000000000001@g.us'), change: { ...statusOf('3EB0C0FFEE0000000006', 'read', '120363000000000001@g.us').change, at: 1756700560000 } }],
  'constructed-ephemeral-wrapper': [fromDana('3A1F00000000000000AA', 1756700600, 'Gate code is 4512#')],
  'constructed-timestamp-long': [
    {
      type: 'entry',
      entry: { id: danaId('BAE520405E56E538'), direction: 'outbound', body: 'tes', occurredAt: 1705846799000, deliveryStatus: 'sent', customer: { identities: danaIdentities, displayName: null } },
    },
  ],
};

describe('normalizing every fixture of the WhatsApp corpus', () => {
  it('has an expectation for each of the 28 fixtures the index lists, and none for others', () => {
    const ids = whatsappFixtureIds();
    expect(ids).toHaveLength(28);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ids].sort());
  });

  it.each(whatsappFixtureIds())('%s', (id) => {
    const fixture = readWhatsAppFixture(id);
    const items = normalizeEvent(fixture.event, fixture.payload, NOW);
    expect(items).toMatchObject(EXPECTED[id]!);
    expect(items).toHaveLength(EXPECTED[id]!.length);
  });

  it('never turns a fixture into an entry without text or an attachment', () => {
    const entries = whatsappFixtureIds()
      .flatMap((id) => normalizeEvent(readWhatsAppFixture(id).event, readWhatsAppFixture(id).payload, NOW))
      .flatMap((item: WhatsAppItem) => (item.type === 'entry' ? [item.entry] : []));
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(entry.body !== '' || entry.attachments.length > 0).toBe(true);
  });
});
