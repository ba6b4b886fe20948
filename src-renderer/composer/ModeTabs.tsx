import type { ComposerMode } from './composer-mode';

interface ModeTabsProps {
  mode: ComposerMode;
  onSelect: (mode: ComposerMode) => void;
  /** Why email cannot be written here (the customer has no address), or null when it can. */
  emailUnavailable: string | null;
  /** Why a text cannot be written here (the customer has no mobile number), or null when it can. */
  smsUnavailable: string | null;
  /** Why a WhatsApp message cannot be written here (no WhatsApp or phone number), or null when it can. */
  whatsappUnavailable: string | null;
}

/** A note, or a message on a channel the customer can be reached on; a tab says why when they cannot. */
export function ModeTabs({ mode, onSelect, emailUnavailable, smsUnavailable, whatsappUnavailable }: ModeTabsProps) {
  const tab = (value: ComposerMode, label: string, disabledReason: string | null = null) => (
    <span title={disabledReason ?? undefined}>
      <button
        type="button"
        role="tab"
        data-testid={`composer-mode-${value}`}
        aria-selected={mode === value}
        className={`mode-tab mode-tab--${value}${mode === value ? ' is-active' : ''}`}
        disabled={disabledReason !== null}
        onClick={() => onSelect(value)}
      >
        {label}
      </button>
    </span>
  );
  return (
    <div className="mode-tabs" role="tablist" aria-label="Composer mode">
      {tab('note', 'Note')}
      {tab('email', 'Email', emailUnavailable)}
      {tab('sms', 'SMS', smsUnavailable)}
      {tab('whatsapp', 'WhatsApp', whatsappUnavailable)}
    </div>
  );
}
