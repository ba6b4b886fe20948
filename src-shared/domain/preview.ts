import type { EntryKind, CallDetails } from './timeline';

const PREVIEW_LENGTH = 140;

const CALL_OUTCOME_LABEL: Record<CallDetails['outcome'], string> = {
  answered: 'Call',
  missed: 'Missed call',
  voicemail: 'Voicemail',
  busy: 'Call (busy)',
  failed: 'Call failed',
};

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The one line the inbox list shows for an entry. */
export function previewOf(entry: {
  kind: EntryKind;
  subject: string | null;
  body: string;
  call: CallDetails | null;
}): string {
  const text = entry.body.replace(/\s+/g, ' ').trim();
  let line: string;
  if (entry.kind === 'note') line = `Note: ${text}`;
  else if (entry.kind === 'call' && entry.call) {
    const label = CALL_OUTCOME_LABEL[entry.call.outcome];
    line = entry.call.outcome === 'answered' ? `${label} · ${formatDuration(entry.call.durationSec)}` : label;
    if (entry.call.transcription) line += `: ${entry.call.transcription}`;
  } else if (entry.subject && text === '') line = entry.subject;
  else if (entry.subject) line = `${entry.subject} — ${text}`;
  else line = text;
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}
