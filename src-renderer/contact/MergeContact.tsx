import { useId, useRef, useState } from 'react';
import type { Contact } from '../../src-shared/domain/contact';
import { MergePicker } from './MergePicker';

export function MergeContact({ contact }: { contact: Contact }) {
  const [open, setOpen] = useState(false);
  const pickerId = useId();
  const openButton = useRef<HTMLButtonElement>(null);

  // Focus goes back where it came from, instead of to the page once the picker's controls are gone.
  function close() {
    setOpen(false);
    openButton.current?.focus();
  }

  return (
    <section className="contact-section">
      <button
        ref={openButton}
        type="button"
        className="button merge-contact__open"
        data-testid="merge-open"
        aria-expanded={open}
        aria-controls={open ? pickerId : undefined}
        onClick={() => setOpen(!open)}
      >
        Merge with another contact…
      </button>
      {open && <MergePicker id={pickerId} contact={contact} onClose={close} />}
    </section>
  );
}
