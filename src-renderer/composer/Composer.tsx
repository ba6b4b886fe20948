import { useState } from 'react';
import { NOTE_MAX_LENGTH } from '../../src-shared/api/requests';
import { useDraftsStore } from '../stores/drafts-store';
import { useThreadStore } from '../stores/thread-store';
import { addNote } from './add-note';
import type { ComposerMode } from './composer-mode';
import { EmailComposer } from './email/EmailComposer';
import { SmsComposer } from './sms/SmsComposer';
import { WhatsAppComposer } from './whatsapp/WhatsAppComposer';
import { ModeTabs } from './ModeTabs';
import { useComposerSubmit } from './use-composer-submit';
import { ComposerFooter } from './ComposerFooter';
import { ComposerInput } from './ComposerInput';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export function Composer({ conversationId }: { conversationId: string }) {
  const body = useDraftsStore((state) => state.drafts[conversationId]?.body ?? '');
  const tooLong = body.length > NOTE_MAX_LENGTH;
  const { submitting, error, canSubmit, onSubmit, onKeyDown } = useComposerSubmit(
    body.trim() !== '' && !tooLong,
    () => addNote(conversationId, useDraftsStore.getState().clientIdFor(conversationId), body),
    () => useDraftsStore.getState().clear(conversationId),
  );
  const [mode, setMode] = useState<ComposerMode>('note');
  const detail = useThreadStore((state) => state.detail);
  const hasEmail = detail?.contact.identities.some((identity) => identity.kind === 'email' && identity.valid) ?? false;
  const hasPhone = detail?.contact.identities.some((identity) => identity.kind === 'phone' && identity.valid) ?? false;
  const hasWhatsApp = hasPhone || (detail?.contact.identities.some((identity) => identity.kind === 'whatsapp') ?? false);
  const tabs = (
    <ModeTabs
      mode={mode}
      onSelect={setMode}
      emailUnavailable={hasEmail ? null : 'This customer has no email address'}
      smsUnavailable={hasPhone ? null : 'This customer has no mobile number'}
      whatsappUnavailable={hasWhatsApp ? null : 'This customer has no WhatsApp or phone number'}
    />
  );
  const hint = `${IS_MAC ? '⌘' : 'Ctrl'}+Enter`;

  if (mode === 'email' && detail) {
    return <EmailComposer conversationId={conversationId} contact={detail.contact} entries={detail.entries} tabs={tabs} hint={hint} />;
  }
  if (mode === 'sms') return <SmsComposer conversationId={conversationId} tabs={tabs} hint={hint} />;
  if (mode === 'whatsapp') return <WhatsAppComposer conversationId={conversationId} tabs={tabs} hint={hint} />;

  return (
    <form className="composer" onSubmit={onSubmit}>
      {tabs}
      <ComposerInput
        label="Internal note"
        placeholder="Add an internal note — only your team sees it"
        value={body}
        submitting={submitting}
        onChange={(text) => useDraftsStore.getState().edit(conversationId, { body: text })}
        onKeyDown={onKeyDown}
      />
      <ComposerFooter
        error={error}
        keptMessage="Your note is kept; try again."
        tooLongMessage={tooLong ? `A note is at most ${NOTE_MAX_LENGTH.toLocaleString()} characters (${body.length.toLocaleString()} now).` : null}
        hint={hint}
        canSubmit={canSubmit}
        submitting={submitting}
        label="Add note"
        busyLabel="Adding…"
      />
    </form>
  );
}
