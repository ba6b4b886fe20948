import { useState } from 'react';
import type { AttachmentMeta } from '../../src-shared/domain/timeline';
import { openAttachment } from '../email/open-attachment';
import { errorMessage } from '../format/error-message';
import { fileSize } from '../format/file-size';

/** A message's files; each one that is stored on this PC opens (as a download) with a click. */
export function Attachments({ entryId, attachments }: { entryId: string; attachments: AttachmentMeta[] }) {
  const [error, setError] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  const open = (sha256: string) => {
    setError(null);
    openAttachment(entryId, sha256).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <>
      <ul className="attachments">
        {attachments.map(({ filename, contentType, size, sha256 }, index) => (
          <li key={`${filename}:${index}`} className="attachment" title={contentType} data-testid="attachment">
            {sha256 ? (
              <button type="button" className="link-button" onClick={() => open(sha256)}>
                {filename}
              </button>
            ) : (
              <span className="attachment__name">{filename}</span>
            )}
            <span className="attachment__size">{fileSize(size)}</span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="attachments__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
