import type { ComposerMode } from './composer-mode';

const UNCONNECTED_CHANNELS = ['WhatsApp'] as const;

interface ModeTabsProps {
  mode: ComposerMode;
  onSelect: (mode: ComposerMode) => void;
  /** Why email cannot be written here (the customer has no address), or null when it can. */
  emailUnavailable: string | null;
  /** Why a text cannot be written here (the customer has no mobile number), or null when it can. */
  smsUnavailable: string | null;
}

/** Notes and email can be written; the other channels are shown so people know where replies will go. */
export function ModeTabs({ mode, onSelect, emailUnavailable, smsUnavailable }: ModeTabsProps) {
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
      {UNCONNECTED_CHANNELS.map((channel) => (
        <span key={channel} title={`${channel} is not connected yet`}>
          <button type="button" role="tab" aria-selected="false" className="mode-tab" disabled>
            {channel}
          </button>
        </span>
      ))}
    </div>
  );
}
