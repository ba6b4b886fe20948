import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WhatsAppMessageEvent, WhatsAppMessageEvents } from '../../src-main/channels/whatsapp/normalize/normalize-event';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared Baileys event corpus, read in place: read-only input for every team. */
export const whatsappCorpusDir = path.resolve(repoRoot, '../shared/corpus/whatsapp');

export interface WhatsAppFixture<E extends WhatsAppMessageEvent = WhatsAppMessageEvent> {
  id: string;
  event: E;
  provenance: string;
  tests: string[];
  payload: WhatsAppMessageEvents[E];
}

/** The ids `index.json` lists, in its order. */
export function whatsappFixtureIds(): string[] {
  const index = JSON.parse(readFileSync(path.join(whatsappCorpusDir, 'index.json'), 'utf8')) as Array<{ id: string }>;
  return index.map((entry) => entry.id);
}

export function readWhatsAppFixture(id: string): WhatsAppFixture {
  return JSON.parse(readFileSync(path.join(whatsappCorpusDir, `${id}.json`), 'utf8')) as WhatsAppFixture;
}
