import { useOtherMailStore } from './other-mail-store';

/** The way from the customer inbox to the mail that is not a customer's: lists, bulk and automated notices. */
export function OtherMailTab() {
  const show = useOtherMailStore((state) => state.show);
  return (
    <button type="button" className="other-mail-tab" data-testid="other-mail-tab" onClick={show}>
      Other mail
      <span className="other-mail-tab__hint">lists, newsletters, notices</span>
    </button>
  );
}
