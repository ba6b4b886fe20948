import { useState } from 'react';
import { EMAIL_ATTACHMENTS_MAX_BYTES, EMAIL_ATTACHMENTS_MAX_COUNT, describeAttachmentLimit } from '../../../src-shared/api/email-attachments';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { errorMessage } from '../../format/error-message';
import { fileSize } from '../../format/file-size';
import { uploadAttachment } from './upload-attachment';

/** What a channel accepts, and how to say it when a pick goes over. */
export interface AttachmentLimits {
  maxCount: number;
  maxBytes: number;
  tooMany: string;
  tooLarge: (totalBytes: number) => string;
}

const EMAIL_LIMITS: AttachmentLimits = {
  maxCount: EMAIL_ATTACHMENTS_MAX_COUNT,
  maxBytes: EMAIL_ATTACHMENTS_MAX_BYTES,
  tooMany: `An email can carry at most ${EMAIL_ATTACHMENTS_MAX_COUNT} files.`,
  tooLarge: describeAttachmentLimit,
};

interface AttachmentPickerProps {
  attachments: AttachmentMeta[];
  /** The email's by default. */
  limits?: AttachmentLimits;
  onChange: (attachments: AttachmentMeta[]) => void;
  /** Told while files are on their way to main, so the email is not sent without them. */
  onUploading: (uploading: boolean) => void;
  disabled: boolean;
}

/**
 * A composer's files (email, WhatsApp): picked with the system's file dialog, checked against the limits
 * before anything is uploaded, then stored in main right away so the draft keeps them.
 */
export function AttachmentPicker({ attachments, limits = EMAIL_LIMITS, onChange, onUploading, disabled }: AttachmentPickerProps) {
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function add(files: File[]) {
    setError(null);
    const total = [...attachments, ...files].reduce((sum, file) => sum + file.size, 0);
    if (total > limits.maxBytes) return setError(`${limits.tooLarge(total)} Nothing was attached.`);
    if (attachments.length + files.length > limits.maxCount) return setError(`${limits.tooMany} Nothing was attached.`);
    setUploading(files.map((file) => file.name));
    onUploading(true);
    let added = attachments;
    try {
      for (const file of files) {
        added = [...added, await uploadAttachment(file)];
        onChange(added);
      }
    } catch (failure) {
      setError(`${errorMessage(failure)} The files attached before it are kept.`);
    } finally {
      setUploading([]);
      onUploading(false);
    }
  }

  return (
    <div className="email-attachments">
      <ul className="email-attachments__list" aria-label="Attached files">
        {attachments.map((attachment, index) => (
          <li key={`${attachment.sha256}:${index}`} className="attachment" data-testid="composer-attachment">
            <span className="attachment__name">{attachment.filename}</span>
            <span className="attachment__size">{fileSize(attachment.size)}</span>
            <button
              type="button"
              className="attachment__remove"
              aria-label={`Remove ${attachment.filename}`}
              disabled={disabled}
              onClick={() => onChange(attachments.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
        {uploading.map((name) => (
          <li key={`uploading:${name}`} className="attachment attachment--uploading">
            <span className="attachment__name">{name}</span>
            <span className="attachment__size">uploading…</span>
          </li>
        ))}
      </ul>
      <label className={`button email-attachments__pick${disabled || uploading.length > 0 ? ' is-disabled' : ''}`}>
        Attach files
        <input
          type="file"
          multiple={limits.maxCount > 1}
          data-testid="composer-attach"
          className="visually-hidden"
          disabled={disabled || uploading.length > 0}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Cleared so picking the same file again (after removing it) is noticed.
            event.target.value = '';
            if (files.length > 0) void add(files);
          }}
        />
      </label>
      {error && (
        <p className="composer__error" role="alert" data-testid="attachment-error">
          {error}
        </p>
      )}
    </div>
  );
}
