import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import { createContact } from '../contacts/contact-repo';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { addSystemEvent } from '../entries/system-event';
import { createIngest, type Ingest } from '../ingest/ingest-inbound';
import { stableIds } from '../ingest/stable-ids';
import { addNote } from '../notes/add-note';
import { conversations } from '../store/schema';
import type { Store } from '../store/open-store';
import { createWorkspace } from '../workspace/workspace-repo';
import { DEMO_CUSTOMERS, DEMO_WORKSPACE, type DemoCustomer, type DemoStep } from './demo-script';

/**
 * Writes the demo workspace through the same paths real data takes (ingest, notes, rollup), so the demo
 * shows what the product does rather than what a fixture claims.
 */
export interface DemoAssignment {
  conversationId: string;
  memberId: string;
}

/** Returns who each demo conversation belongs to, for the caller to record as claims. */
export function seedDemo(store: Store, rollup: ConversationRollup, now = Date.now()): DemoAssignment[] {
  const assignments: DemoAssignment[] = [];
  store.sqlite.transaction(() => {
    const { workspaceId, selfId } = createWorkspace(store, { ...DEMO_WORKSPACE, isDemo: true }, now);
    const memberIds = new Map<string, string>([['self', selfId]]);
    for (const row of store.sqlite.prepare('SELECT id, name FROM members WHERE workspace_id = ?').all(workspaceId) as Array<{ id: string; name: string }>) {
      memberIds.set(row.name, row.id);
    }
    const ingest = createIngest(store, rollup);
    DEMO_CUSTOMERS.forEach((customer, index) => {
      const conversationId = seedCustomer(store, rollup, ingest, workspaceId, memberIds, customer, index, now);
      const memberId = customer.assignee ? memberIds.get(customer.assignee) : undefined;
      if (conversationId && memberId) assignments.push({ conversationId, memberId });
    });
  })();
  return assignments;
}

function seedCustomer(
  store: Store,
  rollup: ConversationRollup,
  ingest: Ingest,
  workspaceId: string,
  memberIds: Map<string, string>,
  customer: DemoCustomer,
  index: number,
  now: number,
): string | null {
  const firstAt = now - Math.max(...customer.steps.map((s) => s.minutesAgo)) * 60_000;
  const target = customer.name
    ? createContact(store.db, workspaceId, { displayName: customer.name, company: customer.company ?? null, address: customer.address ?? null, identities: customer.identities }, firstAt)
    : null;
  let conversationId = target?.conversationId ?? null;
  customer.steps.forEach((step, stepIndex) => {
    const at = now - step.minutesAgo * 60_000;
    if (step.type === 'message' || step.type === 'call') {
      const [outcome] = ingest(workspaceId, [toInbound(customer, step, at, `${index}x${stepIndex}`)]);
      if (outcome?.status === 'added') conversationId = outcome.conversationId;
      return;
    }
    if (!conversationId) throw new Error('A demo customer must start with a message or call');
    if (step.type === 'note') {
      addNote(store, rollup, memberIds.get(step.author) ?? '', { conversationId, clientId: ulid(at), body: step.body }, at);
    } else {
      const contactId = store.db.select({ c: conversations.contactId }).from(conversations).where(eq(conversations.id, conversationId)).get()?.c ?? '';
      addSystemEvent(store.db, rollup, { workspaceId, conversationId, contactId }, step.body, at);
    }
  });
  if (conversationId && customer.readAll) rollup.markRead(conversationId, now);
  return conversationId;
}

function toInbound(customer: DemoCustomer, step: Extract<DemoStep, { type: 'message' | 'call' }>, at: number, seed: string): NormalizedInbound {
  const base = {
    direction: step.direction,
    customer: { identities: customer.identities, displayName: customer.name },
    occurredAt: at,
    attachments: [],
    call: null,
    subject: null,
  };
  if (step.type === 'call') {
    return { ...base, id: stableIds.call(`CAdemo${seed}`), channel: 'voice', kind: 'call', body: '', call: step.call, deliveryStatus: step.direction === 'inbound' ? 'received' : 'sent' };
  }
  const id =
    step.channel === 'sms'
      ? stableIds.sms(`SMdemo${seed}`)
      : step.channel === 'email'
        ? stableIds.email(`<demo-${seed}@northside-plumbing.example>`)
        : stableIds.whatsapp(customer.identities.find((i) => i.kind === 'whatsapp')?.value ?? 'unknown', `DEMO${seed}`);
  return {
    ...base,
    id,
    channel: step.channel,
    kind: 'message',
    subject: step.subject ?? null,
    body: step.body,
    attachments: step.attachment ? [{ ...step.attachment, sha256: null }] : [],
    deliveryStatus: step.direction === 'inbound' ? 'received' : (step.status ?? 'sent'),
  };
}
