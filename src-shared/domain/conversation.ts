import type { Channel, Direction } from './timeline';

export const INBOX_FILTERS = ['all', 'mine', 'unassigned', 'unread', 'needs_response'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export interface ConversationSummary {
  id: string;
  contactId: string;
  contactName: string;
  preview: string;
  lastAt: number;
  lastChannel: Channel | null;
  lastDirection: Direction | null;
  unreadCount: number;
  needsResponse: boolean;
  assigneeId: string | null;
}

export type InboxCounts = Record<InboxFilter, number>;
