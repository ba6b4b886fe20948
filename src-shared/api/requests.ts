import { z } from 'zod';
import type { Contact } from '../domain/contact';
import { INBOX_FILTERS, type ConversationSummary, type InboxCounts } from '../domain/conversation';
import type { TimelineEntry } from '../domain/timeline';
import type { Member, Workspace } from '../domain/workspace';

/**
 * Every request between renderer and main, declared once. The input schema is checked in main before a
 * handler runs; the output type is what the renderer receives. Add a request here and the compiler
 * demands its handler in `src-main/core/api/handlers.ts`.
 */
function request<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const id = z.string().min(1).max(200);

export interface SessionInfo {
  workspace: Workspace;
  me: Member;
  members: Member[];
}

export interface ConversationList {
  rows: ConversationSummary[];
  counts: InboxCounts;
  /** Pass back as `before` to load the next page; null at the end. */
  nextCursor: { lastAt: number; id: string } | null;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  contact: Contact;
  entries: TimelineEntry[];
}

export interface SearchHit {
  conversation: ConversationSummary;
  /** The matching message text with the match marked by [[ and ]], or null when the contact matched. */
  snippet: string | null;
  entryId: string | null;
}

export const NOTE_MAX_LENGTH = 20_000;

/** Who has a conversation after a claim, release or assignment; `pending` until the server confirms it. */
export interface ClaimOutcome {
  ownerId: string | null;
  pending: boolean;
}

export const requests = {
  'session.get': request<SessionInfo>()(z.object({})),
  'conversations.list': request<ConversationList>()(
    z.object({
      filter: z.enum(INBOX_FILTERS).default('all'),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.object({ lastAt: z.number(), id }).nullable().default(null),
    }),
  ),
  'conversations.get': request<ConversationDetail>()(z.object({ conversationId: id })),
  'conversations.markRead': request<{ unreadCount: number }>()(
    z.object({ conversationId: id, upTo: z.number().int().nonnegative() }),
  ),
  'conversations.claim': request<ClaimOutcome>()(z.object({ conversationId: id })),
  'conversations.release': request<ClaimOutcome>()(z.object({ conversationId: id })),
  'conversations.assign': request<ClaimOutcome>()(z.object({ conversationId: id, assigneeId: id.nullable() })),
  'notes.add': request<TimelineEntry>()(
    z.object({
      conversationId: id,
      /** Chosen by the renderer, so a retried submit is recognized and never saved twice. */
      clientId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'clientId must be a ULID'),
      body: z
        .string()
        .trim()
        .min(1, 'A note cannot be empty')
        .max(NOTE_MAX_LENGTH, `A note is at most ${NOTE_MAX_LENGTH} characters`),
    }),
  ),
  'search.query': request<SearchHit[]>()(
    z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(200).default(50) }),
  ),
  'contacts.merge': request<{ mergeId: string }>()(z.object({ survivorId: id, mergedId: id })),
  'contacts.undoMerge': request<{ survivorId: string; restoredId: string }>()(z.object({ mergeId: id })),
} as const;

export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type ParsedRequestInput<N extends RequestName> = z.output<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof requests)[N]['output'];

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}
