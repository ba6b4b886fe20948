import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { errorMessage } from '../format/error-message';
import { useThreadStore } from '../stores/thread-store';

/**
 * What every composer mode does on submit: one request at a time, the new entry shown at once, the
 * draft cleared only once the request succeeded (a failure keeps it and says why), and Ctrl/Cmd+Enter
 * as a shortcut for the button.
 */
export function useComposerSubmit(ready: boolean, send: () => Promise<TimelineEntry>, onSent: () => void) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!ready || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      useThreadStore.getState().addEntry(await send());
      onSent();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  }

  return {
    submitting,
    error,
    canSubmit: ready && !submitting,
    onSubmit(event: FormEvent) {
      event.preventDefault();
      void submit();
    },
    onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submit();
      }
    },
  };
}
