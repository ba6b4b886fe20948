import { useMemo } from 'react';
import type { EmailHtml } from '../../src-shared/api/email-display';
import { useEmailHtmlStore } from './email-html-store';
import { RemoteContentBar } from './RemoteContentBar';
import { sanitizeEmail } from './sanitize-email';

interface EmailFrameProps {
  entryId: string;
  email: EmailHtml & { html: string };
  imagesLoaded: boolean;
  variant: 'bubble' | 'reader';
}

/**
 * The message in `<iframe sandbox="">`: no scripts, no same-origin access, no forms, popups or top
 * navigation. Because nothing may run inside and the parent may not look in, the frame cannot be
 * measured: it has a fixed height and scrolls, and in a thread the person can drag it taller.
 */
export function EmailFrame({ entryId, email, imagesLoaded, variant }: EmailFrameProps) {
  const loadImages = useEmailHtmlStore((state) => state.loadImages);
  const allowSender = useEmailHtmlStore((state) => state.allowSender);
  const error = useEmailHtmlStore((state) => state.error);
  const allowRemote = email.remoteContentAllowed || imagesLoaded;
  const sanitized = useMemo(
    () => sanitizeEmail(email.html, { allowRemote, inlineImages: email.inlineImages }),
    [email.html, email.inlineImages, allowRemote],
  );
  return (
    <div className={`email-html email-html--${variant}`}>
      {sanitized.blockedRemote && (
        <RemoteContentBar sender={email.sender} error={error} onLoad={() => loadImages(entryId)} onAlways={(sender) => void allowSender(sender)} />
      )}
      <div className="email-html__frame-box">
        <iframe
          className="email-html__frame"
          data-testid="email-frame"
          title="Email message"
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={sanitized.document}
        />
      </div>
    </div>
  );
}
