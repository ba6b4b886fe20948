import * as baileys from '@whiskeysockets/baileys';
import type { BaileysCodec } from '../../../src-main/channels/whatsapp/socket/baileys-runtime';
import { whatsappChannelHooks } from '../../../src-main/channels/whatsapp/whatsapp-channel-hooks';
import { createCore } from '../../../src-main/core/create-core';
import { openHostSecretStore } from '../../../src-main/core/secrets/host-secret-store';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { waitFor } from '../email-sync/email-sync-harness';
import { fakeSocketMaker } from '../../support/fake-wa-socket';
import { readWhatsAppFixture } from '../../support/whatsapp-corpus';
import { TEST_SECRET_KEY } from './fixtures/auth-session';

/** A real core on the channel host, its WhatsApp channel over fake sockets, and what it announced. */
export function openWhatsAppHost(dataDir: string, codec: BaileysCodec = baileys) {
  const sockets = fakeSocketMaker();
  const core = createCore({ dataDir, secrets: openHostSecretStore(dataDir, TEST_SECRET_KEY), channels: { whatsapp: whatsappChannelHooks(sockets, codec) } });
  const links: WhatsAppLink[] = [];
  const changed: string[][] = [];
  core.onEvent((name, payload) => {
    if ('link' in payload) links.push(payload.link);
    if ('conversationIds' in payload) changed.push(payload.conversationIds);
  });
  const request = async <T = unknown>(name: string, input: unknown = {}): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const linkBecomes = <S extends WhatsAppLink['state']>(state: S, timeoutMs = 3_000) =>
    waitFor(() => links.findLast((link): link is Extract<WhatsAppLink, { state: S }> => link.state === state), timeoutMs, `the link to be ${state}`);
  /** Plays fixtures of ../shared/corpus/whatsapp through the newest socket, in order. */
  const replay = (...fixtureIds: string[]) => {
    for (const id of fixtureIds) {
      const fixture = readWhatsAppFixture(id);
      sockets.latest().emit(fixture.event, fixture.payload as never);
    }
  };
  const count = (sql: string) => core.store.sqlite.prepare(sql).pluck().get() as number;
  return { core, sockets, links, changed, request, linkBecomes, replay, count };
}
