import type { KeyboardEvent } from 'react';

/**
 * The text box of every composer mode. While a submit is in flight the text is read-only rather
 * than disabled, so it stays selectable and is never cleared before the core has it.
 */
export function ComposerInput({
  label,
  placeholder,
  value,
  submitting,
  onChange,
  onKeyDown,
  rows = 3,
  email = false,
}: {
  label: string;
  placeholder: string;
  value: string;
  submitting: boolean;
  onChange: (body: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  rows?: number;
  email?: boolean;
}) {
  return (
    <textarea
      data-testid="composer-input"
      className={email ? 'composer__input composer__input--email' : 'composer__input'}
      placeholder={placeholder}
      aria-label={label}
      rows={rows}
      value={value}
      readOnly={submitting}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
