import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contactOf, contactsOf, identitiesOf, placeCustomer, readContact } from '../../../src-shared/sync/workspace-doc';
import { advanceStatus, entriesOf, monthOf, putEntry, statusesOf, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';

const phone = { kind: 'phone' as const, value: '+12125550147' };
const email = { kind: 'email' as const, value: 'dana@example.com' };

function exchange(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('contacts in the workspace document', () => {
  it('are kept as strings, and read back, including the objects earlier versions wrote', () => {
    const doc = new Y.Doc();
    const placed = placeCustomer(doc, { identities: [phone], displayName: 'Dana' }, 1_000, 'Unknown');
    expect(typeof contactsOf(doc).get(placed.contactId)).toBe('string');
    expect(contactOf(doc, placed.contactId)).toEqual({ id: placed.contactId, conversationId: placed.conversationId, displayName: 'Dana', createdAt: 1_000 });
    const legacy = { id: 'ct_old', conversationId: 'cv_old', displayName: 'Old', createdAt: 5, company: 'Acme', address: null };
    contactsOf(doc).set('ct_old', legacy);
    expect(contactOf(doc, 'ct_old')).toEqual(legacy);
    expect(placeCustomer(doc, { identities: [phone, email], displayName: null }, 2_000, 'Unknown').contactId).toBe(placed.contactId);
  });

  it('read nothing from a value that is not a contact', () => {
    for (const bad of [undefined, 42, '{', '{"id":"ct_1"}', JSON.stringify({ id: 'ct_1', conversationId: 'cv_1', displayName: 7, createdAt: 1 })]) {
      expect(readContact(bad)).toBeUndefined();
    }
  });
});

describe('placing a customer in the workspace document', () => {
  it('gives the same unknown number the same contact on two writers cut off from each other', () => {
    const pc = new Y.Doc();
    const server = new Y.Doc();
    const onPc = placeCustomer(pc, { identities: [phone], displayName: null }, 1, '(212) 555-0147');
    const onServer = placeCustomer(server, { identities: [phone], displayName: 'Dana' }, 2, '(212) 555-0147');
    expect(onPc.contactId).toBe(onServer.contactId);
    exchange(pc, server);
    expect([...contactsOf(pc).keys()]).toEqual([onPc.contactId]);
    expect(contactsOf(pc).toJSON()).toEqual(contactsOf(server).toJSON());
  });

  it('files a known identity under its contact and adds the identities it did not have', () => {
    const doc = new Y.Doc();
    const first = placeCustomer(doc, { identities: [phone], displayName: 'Dana' }, 1, 'x');
    const second = placeCustomer(doc, { identities: [email, phone], displayName: null }, 2, 'x');
    expect(second).toMatchObject({ contactId: first.contactId, conversationId: first.conversationId, created: null, addedIdentities: [email] });
    expect(identitiesOf(doc).get('email:dana@example.com')).toBe(first.contactId);
  });

  it('refuses a message with no identity at all', () => {
    expect(() => placeCustomer(new Y.Doc(), { identities: [], displayName: null }, 1, 'x')).toThrow(/without any sender identity/);
  });
});

describe('the month document', () => {
  const record: TimelineRecord = {
    id: 'sms:SM1', conversationId: 'cv_1', contactId: 'ct_1', kind: 'message', channel: 'sms', direction: 'outbound',
    authorMemberId: null, subject: null, body: 'On our way', occurredAt: Date.UTC(2026, 10, 30, 23, 59), deliveryStatus: 'queued', attachments: [], call: null,
  };

  it('keeps the first copy of an entry and files it by its UTC month', () => {
    const doc = new Y.Doc();
    expect(putEntry(doc, record)).toBe(true);
    expect(putEntry(doc, { ...record, body: 'changed' })).toBe(false);
    expect(entriesOf(doc).get('sms:SM1')?.body).toBe('On our way');
    expect(monthOf(record.occurredAt)).toBe('2026-11');
  });

  it('moves a delivery status forward only, whatever order the callbacks come in', () => {
    const doc = new Y.Doc();
    for (const status of ['queued', 'delivered', 'sent', 'queued'] as const) advanceStatus(doc, 'sms:SM1', { status, error: null, at: 1 });
    expect(statusesOf(doc).get('sms:SM1')?.status).toBe('delivered');
    expect(advanceStatus(doc, 'sms:SM1', { status: 'read', error: null, at: 2 })).toBe(true);
    expect(advanceStatus(doc, 'sms:SM1', { status: 'failed', error: '30007', at: 3 })).toBe(false);
  });
});
