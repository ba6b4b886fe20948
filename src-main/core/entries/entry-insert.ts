import type Database from 'better-sqlite3';
import type { TimelineRecord } from '../../../src-shared/sync/timeline-doc';

/** The columns of an entry row as named parameters, from the record the documents keep. */
export function entryParams(workspaceId: string, record: TimelineRecord) {
  return {
    id: record.id,
    workspaceId,
    conversationId: record.conversationId,
    contactId: record.contactId,
    kind: record.kind,
    channel: record.channel,
    direction: record.direction,
    authorMemberId: record.authorMemberId,
    subject: record.subject,
    body: record.body,
    occurredAt: record.occurredAt,
    deliveryStatus: record.deliveryStatus,
    attachments: JSON.stringify(record.attachments),
    callDurationSec: record.call?.durationSec ?? null,
    callOutcome: record.call?.outcome ?? null,
    callRecordingUrl: record.call?.recordingUrl ?? null,
    callTranscription: record.call?.transcription ?? null,
    callFrom: record.call?.from ?? null,
    callTo: record.call?.to ?? null,
    autoReply: record.autoReply ? 1 : 0,
    email: record.email ? JSON.stringify(record.email) : null,
  };
}

/**
 * The INSERT the hot paths (ingest, the materializer of other PCs' entries) prepare once: an entry
 * under its stable id, or nothing when that id is stored already. Returns whether it was new.
 */
export function prepareEntryInsert(sqlite: Database.Database): (workspaceId: string, record: TimelineRecord) => boolean {
  const insert = sqlite.prepare(`
    INSERT INTO entries (id, workspace_id, conversation_id, origin_contact_id, kind, channel, direction, author_member_id,
      subject, body, occurred_at, delivery_status, attachments, call_duration_sec, call_outcome, call_recording_url, call_transcription,
      call_from, call_to, auto_reply, email)
    VALUES (:id, :workspaceId, :conversationId, :contactId, :kind, :channel, :direction, :authorMemberId,
      :subject, :body, :occurredAt, :deliveryStatus, :attachments, :callDurationSec, :callOutcome, :callRecordingUrl, :callTranscription,
      :callFrom, :callTo, :autoReply, :email)
    ON CONFLICT (id) DO NOTHING`);
  return (workspaceId, record) => insert.run(entryParams(workspaceId, record)).changes > 0;
}
