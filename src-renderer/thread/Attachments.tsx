import type { AttachmentMeta } from '../../src-shared/domain/timeline';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function Attachments({ attachments }: { attachments: AttachmentMeta[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments">
      {attachments.map((attachment, index) => (
        <li key={`${attachment.filename}:${index}`} className="attachment" title={attachment.contentType}>
          <span className="attachment__name">{attachment.filename}</span>
          <span className="attachment__size">{fileSize(attachment.size)}</span>
        </li>
      ))}
    </ul>
  );
}
