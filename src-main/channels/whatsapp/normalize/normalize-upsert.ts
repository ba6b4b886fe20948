import type { DeliveryStatus } from '../../../../src-shared/domain/timeline';
import { stableIds } from '../../../core/ingest/stable-ids';
import { candidateIds, chatOf, customerIdentities, isCustomerChat, participantPhone, senderOf } from './address';
import { readContent, unwrapContent } from './content';
import { deliveryStatusOf } from './status';
import { longToNumber, secondsToMillis } from './timestamp';
import type { WhatsAppItem } from './whatsapp-item';
import type { WaContent, WaMessage, WaUpsert } from './wa-payload';

/** `messageStubType` of WAProto. */
const STUB_REVOKE = 1;
const STUB_CIPHERTEXT = 2;
/** `ProtocolMessage.Type` of WAProto. */
const PROTOCOL_REVOKE = 0;
const PROTOCOL_MESSAGE_EDIT = 14;
const PROTOCOL_NAMES: Record<string, number> = { REVOKE: PROTOCOL_REVOKE, MESSAGE_EDIT: PROTOCOL_MESSAGE_EDIT };

/** `messages.upsert`: new messages (`notify`), and our own from other devices or history (`append`). */
export function normalizeUpsert(upsert: WaUpsert, now: number): WhatsAppItem[] {
  return upsert.messages.map((message) => normalizeMessage(message, now));
}

export function normalizeMessage(message: WaMessage, now: number): WhatsAppItem {
  const { key } = message;
  const chat = chatOf(key);
  if (!chat || !key.id) return { type: 'skip', reason: 'the message names no chat or id' };
  const occurredAt = secondsToMillis(message.messageTimestamp) ?? now;
  const content = unwrapContent(message.message);

  if (!content) return stubOrSkip(message, chat, key.id, occurredAt);
  if (content.reactionMessage) {
    const reaction = content.reactionMessage;
    if (!reaction.key) return { type: 'skip', reason: 'a reaction without a target' };
    const at = longToNumber(reaction.senderTimestampMs) ?? occurredAt;
    return { type: 'change', change: { kind: 'reaction', targetIds: candidateIds(reaction.key), by: senderOf(key, message.participant), emoji: reaction.text ?? '', at } };
  }
  if (content.protocolMessage) return protocolItem(content.protocolMessage, occurredAt);

  const readable = readContent(content);
  if (!readable) return { type: 'skip', reason: `nothing to show in ${Object.keys(content).join(', ') || 'an empty message'}` };
  const direction = key.fromMe ? 'outbound' : 'inbound';
  const id = stableIds.whatsapp(chat, key.id);

  if (!isCustomerChat(chat)) {
    return {
      type: 'group',
      message: {
        id,
        chatJid: chat,
        senderJid: senderOf(key, message.participant),
        senderPhone: key.fromMe ? null : participantPhone(key),
        senderName: key.fromMe ? null : message.pushName ?? null,
        direction,
        body: readable.text,
        occurredAt,
        attachments: readable.attachments,
      },
    };
  }
  const deliveryStatus: DeliveryStatus = key.fromMe ? deliveryStatusOf(message.status) ?? 'sent' : 'received';
  return {
    type: 'entry',
    keyId: key.id,
    media: readable.media,
    entry: {
      id,
      channel: 'whatsapp',
      kind: 'message',
      direction,
      customer: { identities: customerIdentities(key), displayName: key.fromMe ? null : nameOf(message.pushName) },
      subject: null,
      body: readable.text,
      occurredAt,
      deliveryStatus,
      attachments: readable.attachments,
      call: null,
    },
  };
}

function stubOrSkip(message: WaMessage, chat: string, keyId: string, occurredAt: number): WhatsAppItem {
  const stubType = stubNumber(message.messageStubType);
  if (stubType === STUB_CIPHERTEXT) {
    const reason = message.messageStubParameters?.find((p): p is string => typeof p === 'string') ?? null;
    return { type: 'stub', stub: { id: stableIds.whatsapp(chat, keyId), chatJid: chat, keyId, occurredAt, reason } };
  }
  if (stubType === STUB_REVOKE) return { type: 'change', change: { kind: 'revoke', targetIds: candidateIds(message.key), at: occurredAt } };
  return { type: 'skip', reason: stubType === null ? 'a message without content' : `a WhatsApp notice (stub type ${stubType})` };
}

function protocolItem(protocol: NonNullable<WaContent['protocolMessage']>, occurredAt: number): WhatsAppItem {
  const type = typeof protocol.type === 'string' ? PROTOCOL_NAMES[protocol.type] : protocol.type;
  if (type === PROTOCOL_REVOKE && protocol.key) {
    return { type: 'change', change: { kind: 'revoke', targetIds: candidateIds(protocol.key), at: occurredAt } };
  }
  if (type === PROTOCOL_MESSAGE_EDIT && protocol.key) {
    const edited = readContent(protocol.editedMessage);
    if (!edited) return { type: 'skip', reason: 'an edit without text' };
    const at = longToNumber(protocol.timestampMs) ?? occurredAt;
    return { type: 'change', change: { kind: 'edit', targetIds: candidateIds(protocol.key), body: edited.text, at } };
  }
  // Resend answers (17), history sync, key shares, disappearing-mode settings: Baileys acts on them itself.
  return { type: 'skip', reason: `a protocol message (${String(protocol.type)})` };
}

export function stubNumber(stubType: number | string | null | undefined): number | null {
  if (stubType === null || stubType === undefined) return null;
  if (typeof stubType === 'number') return stubType;
  return { REVOKE: STUB_REVOKE, CIPHERTEXT: STUB_CIPHERTEXT }[stubType] ?? null;
}

function nameOf(pushName: string | null | undefined): string | null {
  const name = pushName?.trim();
  return name ? name : null;
}
