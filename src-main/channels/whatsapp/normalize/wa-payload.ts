/**
 * The parts of Baileys' event payloads that normalization reads, typed loosely on purpose: the same
 * fields reach us as protobuf objects from the socket and as JSON from dumps, so an enum may be a
 * number or its name, a uint64 a number, a numeric string or a protobuf Long, and any field may be
 * null. Baileys' own `WAMessage` is assignable to these shapes.
 */
export type LongLike = number | string | { low: number; high: number; unsigned?: boolean } | { toNumber(): number };

export interface WaKey {
  remoteJid?: string | null;
  fromMe?: boolean | null;
  id?: string | null;
  participant?: string | null;
  /** Baileys 7: the other addressing form (PN for a LID chat, or the reverse). */
  remoteJidAlt?: string | null;
  participantAlt?: string | null;
  /** Baileys 6.7/7.0-rc: the LID of a PN sender, and the PN of a LID participant. */
  senderLid?: string | null;
  senderPn?: string | null;
  participantPn?: string | null;
  participantLid?: string | null;
}

export interface WaMedia {
  url?: string | null;
  directPath?: string | null;
  mediaKey?: unknown;
  mimetype?: string | null;
  caption?: string | null;
  fileName?: string | null;
  fileLength?: LongLike | null;
  fileSha256?: unknown;
  ptt?: boolean | null;
  seconds?: number | null;
}

export interface WaContent {
  conversation?: string | null;
  extendedTextMessage?: { text?: string | null; matchedText?: string | null; title?: string | null; description?: string | null } | null;
  imageMessage?: WaMedia | null;
  videoMessage?: WaMedia | null;
  audioMessage?: WaMedia | null;
  documentMessage?: WaMedia | null;
  stickerMessage?: WaMedia | null;
  reactionMessage?: { key?: WaKey | null; text?: string | null; senderTimestampMs?: LongLike | null } | null;
  protocolMessage?: {
    key?: WaKey | null;
    type?: number | string | null;
    editedMessage?: WaContent | null;
    timestampMs?: LongLike | null;
  } | null;
  ephemeralMessage?: { message?: WaContent | null } | null;
  viewOnceMessage?: { message?: WaContent | null } | null;
  viewOnceMessageV2?: { message?: WaContent | null } | null;
  viewOnceMessageV2Extension?: { message?: WaContent | null } | null;
  documentWithCaptionMessage?: { message?: WaContent | null } | null;
  editedMessage?: { message?: WaContent | null } | null;
  deviceSentMessage?: { message?: WaContent | null } | null;
}

export interface WaMessage {
  key: WaKey;
  message?: WaContent | null;
  messageTimestamp?: LongLike | null;
  pushName?: string | null;
  status?: number | string | null;
  participant?: string | null;
  messageStubType?: number | string | null;
  messageStubParameters?: readonly (string | null)[] | null;
}

export interface WaUpsert {
  messages: readonly WaMessage[];
  type: string;
  requestId?: string;
}

export interface WaUpdate {
  key: WaKey;
  update: Partial<Pick<WaMessage, 'status' | 'messageStubType' | 'messageTimestamp'>> & {
    message?: WaContent | null;
  };
}

export interface WaReaction {
  key: WaKey;
  reaction: { key?: WaKey | null; text?: string | null; senderTimestampMs?: LongLike | null };
}

export interface WaReceipt {
  key: WaKey;
  receipt: {
    userJid?: string | null;
    receiptTimestamp?: LongLike | null;
    readTimestamp?: LongLike | null;
    playedTimestamp?: LongLike | null;
  };
}
