import { useEffect, useState, type ReactNode } from 'react';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { AttachmentPicker, type AttachmentLimits } from '../email/AttachmentPicker';
import { WHATSAPP_TEXT_MAX_LENGTH } from '../../../src-shared/api/requests';
import { followWhatsAppLink, useWhatsAppLinkStore } from '../../settings/whatsapp/whatsapp-link-store';
import { ComposerFooter } from '../ComposerFooter';
import { useComposerSubmit } from '../use-composer-submit';
import { sendWhatsApp } from './send-whatsapp';
import { useWhatsAppDraftsStore } from './whatsapp-drafts-store';
import { ComposerInput } from '../ComposerInput';

const NO_FILES: AttachmentMeta[] = [];

/** WhatsApp takes one file per message; media up to 16 MB is what it accepts for photos and video. */
const WHATSAPP_LIMITS: AttachmentLimits = {
  maxCount: 1,
  maxBytes: 16 * 1024 * 1024,
  tooMany: 'WhatsApp sends one file per message; send the others in messages of their own.',
  tooLarge: (total) => `WhatsApp takes files up to 16 MB; this one is ${(total / 1024 / 1024).toFixed(1)} MB.`,
};

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
  const attachments = useWhatsAppDraftsStore((state) => state.drafts[conversationId]?.attachments ?? NO_FILES);
  const [uploading, setUploading] = useState(false);
  const link = useWhatsAppLinkStore((state) => state.link);
  useEffect(() => followWhatsAppLink(), []);
  const tooLong = body.length > WHATSAPP_TEXT_MAX_LENGTH ? `A WhatsApp message is at most ${WHATSAPP_TEXT_MAX_LENGTH.toLocaleString()} characters.` : null;
  const { submitting, error, canSubmit, onSubmit, onKeyDown } = useComposerSubmit(
    (body.trim() !== '' || attachments.length > 0) && tooLong === null && !uploading,
    () => sendWhatsApp({ conversationId, clientId: useWhatsAppDraftsStore.getState().clientIdFor(conversationId), body, attachments }),
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
      <AttachmentPicker
        attachments={attachments}
        limits={WHATSAPP_LIMITS}
        onChange={(next) => useWhatsAppDraftsStore.getState().edit(conversationId, { attachments: next })}
        onUploading={setUploading}
        disabled={submitting}
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
