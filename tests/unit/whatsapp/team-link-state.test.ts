import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { shareWhatsAppLink } from '../../../src-main/core/whatsapp/team-link-state';

describe('the WhatsApp link as every PC sees it', () => {
  it('shows the channel host logging out on a PC that holds no link, and clears when the host is connected again', () => {
    const host = new Y.Doc();
    const desk = new Y.Doc();
    host.on('update', (update: Uint8Array) => Y.applyUpdate(desk, update, 'server'));
    const notLinked: WhatsAppLink = { state: 'not_linked', reason: 'WhatsApp runs on the channel host; this PC does not hold the link.' };
    const heard: WhatsAppLink[] = [];
    const onHost = shareWhatsAppLink(host, () => ({ state: 'connected', phone: '+13125550100', name: null }), () => {});
    const onDesk = shareWhatsAppLink(desk, () => notLinked, (link) => heard.push(link));

    onHost.publish({ state: 'logged_out', reason: 'WhatsApp ended the session (401)' });
    expect(onDesk.view()).toEqual({ state: 'logged_out', reason: 'WhatsApp ended the session (401) (on the channel host)' });
    expect(heard.at(-1)?.state).toBe('logged_out');

    onHost.publish({ state: 'connected', phone: '+13125550100', name: null });
    expect(onDesk.view()).toEqual(notLinked);
    expect(onHost.view().state).toBe('connected');
  });
});
