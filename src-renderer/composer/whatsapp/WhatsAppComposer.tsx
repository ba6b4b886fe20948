import { useEffect, type ReactNode } from 'react';
import { WHATSAPP_TEXT_MAX_LENGTH } from '../../../src-shared/api/requests';
import { followWhatsAppLink, useWhatsAppLinkStore } from '../../settings/whatsapp/whatsapp-link-store';
import { ComposerFooter } from '../ComposerFooter';
import { useComposerSubmit } from '../use-composer-submit';
import { sendWhatsApp } from './send-whatsapp';
import { useWhatsAppDraftsStore } from './whatsapp-drafts-store';
import { ComposerInput } from '../ComposerInput';

interface WhatsAppComposerProps {
  conversationId: string;
  tabs: ReactNode;
  hint: string;
}

/**
 * WhatsApp mode. A message written while the link is down is still queued (it goes out when the link
 * is back), and the composer says so rather than refusing.
 */
export function WhatsAppComposer({ conversationId, tabs, hint }: WhatsAppComposerProps) {
  const body = useWhatsAppDraftsStore((state) => state.drafts[conversationId]?.body ?? '');
  const link = useWhatsAppLinkStore((state) => state.link);
  useEffect(() => followWhatsAppLink(), []);
  const tooLong = body.length > WHATSAPP_TEXT_MAX_LENGTH ? `A WhatsApp message is at most ${WHATSAPP_TEXT_MAX_LENGTH.toLocaleString()} characters.` : null;
  const { submitting, error, canSubmit, onSubmit, onKeyDown } = useComposerSubmit(
    body.trim() !== '' && tooLong === null,
    () => sendWhatsApp({ conversationId, clientId: useWhatsAppDraftsStore.getState().clientIdFor(conversationId), body }),
    () => useWhatsAppDraftsStore.getState().clear(conversationId),
  );
  const waiting = link !== null && link.state !== 'connected' ? 'WhatsApp is not connected now: the message waits in the outbox and goes out when the link is back.' : null;

  return (
    <form className="composer composer--whatsapp" onSubmit={onSubmit}>
      {tabs}
      {waiting && (
        <p className="composer__meter" role="status" data-testid="whatsapp-waiting">
          {waiting}
        </p>
      )}
      <ComposerInput
        label="WhatsApp message"
        placeholder="Write on WhatsApp"
        value={body}
        submitting={submitting}
        onChange={(text) => useWhatsAppDraftsStore.getState().edit(conversationId, { body: text })}
        onKeyDown={onKeyDown}
      />
      <ComposerFooter
        error={error}
        keptMessage="Your message is kept; try again."
        tooLongMessage={tooLong}
        hint={hint}
        canSubmit={canSubmit}
        submitting={submitting}
        label="Send on WhatsApp"
        busyLabel="Sending…"
      />
    </form>
  );
}
