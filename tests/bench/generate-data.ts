import type { NormalizedInbound } from '../../src-shared/domain/inbound';
import type { CallOutcome, DeliveryStatus, Direction } from '../../src-shared/domain/timeline';
import type { IdentityKey } from '../../src-shared/identity/resolve';
import { stableIds } from '../../src-main/core/ingest/stable-ids';

/**
 * Deterministic synthetic data for the store benchmark. Everything is derived from a seeded PRNG, so two
 * runs (and the two stores of one run) see exactly the same contacts and entries.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to make synthetic data; Math.random cannot be seeded. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[int(rng, items.length)] as T;
}

/** Fixed, so that "two years" and the cursor values are identical from run to run. */
export const END_AT = Date.UTC(2025, 5, 1);
export const START_AT = END_AT - 2 * 365 * 24 * 3600 * 1000;

const FIRST_NAMES = [
  'Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'William',
  'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Carlos', 'Nancy', 'Daniel',
  'Lisa', 'Matthew', 'Aisha', 'Anthony', 'Priya', 'Mark', 'Sandra', 'Luis', 'Ashley', 'Kevin',
  'Emily', 'Brian', 'Wei', 'George', 'Olga', 'Tom', 'Fatima', 'Kenji', 'Grace', 'Omar',
] as const;

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Becker', 'Kowalski', 'Okafor', 'Chen', 'Patel', 'Shah', 'Ortega', 'Novak', 'Schmidt', 'Murphy',
] as const;

const COMPANIES = ['Becker Property Mgmt', 'Elm Street Condos', 'Harbor Dental', 'Sunrise Cafe', 'Oak Ridge HOA', 'Northgate Apartments'] as const;
const STREETS = ['Elm', 'Oak', 'Maple', 'Cedar', 'Pine', 'Washington', 'Lake', 'Hill', 'Park', 'Main'] as const;
const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'example.com'] as const;

/** 20 area codes × 10,000 line numbers per exchange; the exchange moves past 555 only beyond 200,000 contacts. */
const AREA_CODES = ['212', '718', '347', '646', '917', '415', '312', '617', '305', '713', '206', '303', '404', '512', '602', '702', '801', '503', '615', '919'] as const;

/**
 * Ordered by how often the word occurs (Zipf), so the FTS index has a few huge doclists (the, you, water)
 * and a long tail of rare terms (thermocouple, escutcheon), like a real service business's inbox.
 */
const VOCABULARY = [
  'the', 'you', 'to', 'and', 'a', 'is', 'for', 'we', 'it', 'on', 'can', 'your', 'at', 'of', 'thanks', 'i', 'be', 'will',
  'water', 'tomorrow', 'appointment', 'heater', 'leak', 'quote', 'invoice', 'today', 'please', 'time', 'morning',
  'afternoon', 'furnace', 'sink', 'kitchen', 'bathroom', 'toilet', 'pipe', 'repair', 'replace', 'install', 'estimate',
  'schedule', 'technician', 'arrive', 'confirm', 'price', 'payment', 'paid', 'receipt', 'warranty', 'service',
  'basement', 'drain', 'clogged', 'hot', 'cold', 'noise', 'broken', 'emergency', 'weekend', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'call', 'back', 'text', 'photo', 'address', 'gate', 'code',
  'thermostat', 'boiler', 'radiator', 'vent', 'filter', 'ac', 'air', 'conditioner', 'unit', 'tank', 'gallon',
  'shower', 'faucet', 'valve', 'pressure', 'gas', 'smell', 'inspection', 'permit', 'deposit', 'discount',
  'reschedule', 'cancel', 'running', 'late', 'minutes', 'parts', 'ordered', 'week', 'next', 'available', 'window',
  'garbage', 'disposal', 'dishwasher', 'washer', 'dryer', 'outlet', 'breaker', 'panel', 'wiring', 'roof', 'gutter',
  'sewer', 'line', 'camera', 'hydro', 'jetting', 'sump', 'pump', 'backflow', 'tankless', 'condensate', 'flue',
  'pilot', 'igniter', 'thermocouple', 'anode', 'rod', 'escutcheon', 'flapper', 'ballcock', 'trap', 'p-trap',
  'furniture', 'furnished', 'waterproofing', 'watermark',
] as const;

const ZIPF_CUMULATIVE = (() => {
  const weights = VOCABULARY.map((_, rank) => 1 / (rank + 1) ** 1.05);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

function word(rng: Rng): string {
  const u = rng();
  let lo = 0;
  let hi = ZIPF_CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ZIPF_CUMULATIVE[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo] as string;
}

function sentence(rng: Rng, minWords: number, maxWords: number): string {
  const n = minWords + int(rng, maxWords - minWords + 1);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(rng));
  // Numbers that people really search for: invoice numbers and amounts.
  const extra = rng();
  if (extra < 0.04) words.push(`INV-${10000 + int(rng, 90000)}`);
  else if (extra < 0.1) words.push(`$${50 + int(rng, 2000)}`);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const SUBJECTS = [
  'Quote for water heater replacement', 'Invoice', 'Appointment confirmation', 'Furnace not starting', 'Leak under kitchen sink',
  'Annual boiler service', 'Estimate request', 'Payment receipt', 'Reschedule appointment', 'Warranty question',
] as const;

export interface BenchContact {
  displayName: string;
  company: string | null;
  address: string | null;
  phone: string;
  email: string | null;
  firstName: string;
}

export function generateContacts(count: number, seed: number): BenchContact[] {
  const rng = mulberry32(seed);
  const contacts: BenchContact[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = pick(rng, FIRST_NAMES);
    const lastName = pick(rng, LAST_NAMES);
    const block = Math.floor(i / 10_000);
    const area = AREA_CODES[block % AREA_CODES.length] as string;
    const exchange = 555 + Math.floor(block / AREA_CODES.length);
    const phone = `+1${area}${exchange}${String(i % 10_000).padStart(4, '0')}`;
    const email = rng() < 0.5 ? `${firstName}.${lastName}${i}@${pick(rng, EMAIL_DOMAINS)}`.toLowerCase() : null;
    contacts.push({
      displayName: `${firstName} ${lastName}`,
      firstName,
      company: rng() < 0.08 ? pick(rng, COMPANIES) : null,
      address: rng() < 0.4 ? `${1 + int(rng, 9999)} ${pick(rng, STREETS)} Street, Springfield` : null,
      phone,
      email,
    });
  }
  return contacts;
}

export interface BenchEntry {
  contactIndex: number;
  inbound: NormalizedInbound;
}

const CALL_OUTCOMES: readonly CallOutcome[] = ['answered', 'answered', 'answered', 'missed', 'voicemail', 'busy'];
const OUTBOUND_STATUSES: readonly DeliveryStatus[] = ['delivered', 'delivered', 'read', 'sent'];

/**
 * Yields the entries in time order (as they would arrive), in batches so that a million objects are
 * never alive at once. The customer of an entry is floor(n · u²): the first contacts are a few very busy
 * customers (hundreds to thousands of entries), the long tail has a handful each.
 */
export function* generateEntries(contacts: readonly BenchContact[], total: number, batchSize: number, seed: number): Generator<BenchEntry[]> {
  const rng = mulberry32(seed);
  const span = END_AT - START_AT;
  let batch: BenchEntry[] = [];
  for (let k = 0; k < total; k++) {
    const u = rng();
    const contactIndex = Math.min(contacts.length - 1, Math.floor(contacts.length * u * u));
    const contact = contacts[contactIndex] as BenchContact;
    const occurredAt = START_AT + Math.floor(((k + rng()) * span) / total);
    batch.push({ contactIndex, inbound: makeEntry(rng, contact, k, occurredAt) });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function makeEntry(rng: Rng, contact: BenchContact, k: number, occurredAt: number): NormalizedInbound {
  const direction: Direction = rng() < 0.55 ? 'inbound' : 'outbound';
  const deliveryStatus: DeliveryStatus = direction === 'inbound' ? 'received' : pick(rng, OUTBOUND_STATUSES);
  const phone: IdentityKey = { kind: 'phone', value: contact.phone };
  const greeting = direction === 'outbound' && rng() < 0.3 ? `Hi ${contact.firstName}, ` : '';
  const c = rng();
  // Customers without an email address write by SMS instead, not by WhatsApp.
  const channel = c < 0.25 ? (contact.email ? 'email' : 'sms') : c < 0.4 ? 'whatsapp' : c < 0.52 ? 'voice' : 'sms';
  const base: Pick<NormalizedInbound, 'direction' | 'occurredAt' | 'deliveryStatus' | 'attachments' | 'call' | 'subject'> = {
    direction,
    occurredAt,
    deliveryStatus,
    attachments: [],
    call: null,
    subject: null,
  };
  if (channel === 'email' && contact.email) {
    const paragraphs = [sentence(rng, 8, 25), sentence(rng, 8, 25), sentence(rng, 4, 12)];
    return {
      ...base,
      id: stableIds.email(`<bench-${k}@mail.example>`),
      channel: 'email',
      kind: 'message',
      customer: { identities: [{ kind: 'email', value: contact.email }], displayName: contact.displayName },
      subject: rng() < 0.5 ? `Re: ${pick(rng, SUBJECTS)}` : pick(rng, SUBJECTS),
      body: `${greeting}${paragraphs.join('\n\n')}`,
      attachments: rng() < 0.1 ? [{ filename: 'photo.jpg', contentType: 'image/jpeg', size: 100_000 + int(rng, 2_000_000), sha256: null }] : [],
    };
  }
  if (channel === 'whatsapp') {
    const jid = `${contact.phone.slice(1)}@s.whatsapp.net`;
    return {
      ...base,
      id: stableIds.whatsapp(jid, `BENCH${k}`),
      channel: 'whatsapp',
      kind: 'message',
      // The phone is listed too, so the first WhatsApp message attaches the JID to the existing contact.
      customer: { identities: [{ kind: 'whatsapp', value: jid }, phone], displayName: contact.firstName },
      body: `${greeting}${sentence(rng, 3, 20)}`,
    };
  }
  if (channel === 'voice') {
    const outcome = pick(rng, CALL_OUTCOMES);
    return {
      ...base,
      id: stableIds.call(`CAbench${k}`),
      channel: 'voice',
      kind: 'call',
      customer: { identities: [phone], displayName: null },
      body: '',
      call: {
        durationSec: outcome === 'answered' ? 20 + int(rng, 900) : 0,
        outcome,
        recordingUrl: null,
        transcription: outcome === 'voicemail' ? sentence(rng, 6, 30) : null,
      },
    };
  }
  return {
    ...base,
    id: stableIds.sms(`SMbench${k}`),
    channel: 'sms',
    kind: 'message',
    customer: { identities: [phone], displayName: null },
    body: `${greeting}${sentence(rng, 4, 30)}`,
  };
}

/** ~20 queries: common, rare, two-word, prefixes, names, a phone fragment and an invoice number. */
export const SEARCH_QUERIES = [
  'water', 'appointment', 'tomorrow', 'invoice', 'leak',
  'thermocouple', 'escutcheon', 'backflow', 'sump',
  'water heater', 'furnace quote', 'leak tomorrow', 'invoice paid',
  'furn', 'appoint', 'wat',
  'Garcia', 'Maria Lopez',
  '555-01', '212 555',
] as const;
