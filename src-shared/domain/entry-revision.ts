import type { AttachmentMeta } from './timeline';

/**
 * An earlier version of an entry: the text an edit replaced, what a delete for everyone took away, or
 * (for a call moved to another customer) where it was filed before and why it moved.
 */
export interface EntryRevision {
  reason: 'edit' | 'revoke' | 'move';
  body: string;
  attachments: AttachmentMeta[];
  replacedAt: number;
}
