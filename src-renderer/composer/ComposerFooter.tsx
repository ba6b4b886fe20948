interface ComposerFooterProps {
  error: string | null;
  /** What happened to the draft when sending failed, e.g. "Your note is kept; try again." */
  keptMessage: string;
  /** Set when the draft is over the limit, saying the limit and the current length. */
  tooLongMessage: string | null;
  hint: string;
  canSubmit: boolean;
  submitting: boolean;
  label: string;
  busyLabel: string;
}

/** The composer's last line, the same in every mode: what went wrong, the shortcut and the button. */
export function ComposerFooter({ error, keptMessage, tooLongMessage, hint, canSubmit, submitting, label, busyLabel }: ComposerFooterProps) {
  return (
    <div className="composer__footer">
      <div className="composer__messages">
        {error && (
          <p className="composer__error" role="alert">
            {error} {keptMessage}
          </p>
        )}
        {tooLongMessage && <p className="composer__error">{tooLongMessage}</p>}
      </div>
      <span className="composer__hint">{hint}</span>
      <button type="submit" data-testid="composer-submit" className="button button--primary" disabled={!canSubmit}>
        {submitting ? busyLabel : label}
      </button>
    </div>
  );
}
