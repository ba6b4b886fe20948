import type { AttachmentMeta } from './timeline';

/** An earlier version of an entry: the text an edit replaced, or what a delete for everyone took away. */
export interface EntryRevision {
  reason: 'edit' | 'revoke';
  body: string;
  attachments: AttachmentMeta[];
  replacedAt: number;
}
