import { useEffect, useState } from 'react';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';

/**
 * Only kinds a media element shows and cannot run: never SVG or HTML, whose scripts would run with
 * the app's rights. Everything else stays a file in the attachment list, opened as a download.
 */
const INLINE: Record<string, 'image' | 'audio' | 'video'> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'audio/ogg': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/aac': 'audio',
  'video/mp4': 'video',
  'video/3gpp': 'video',
};

/** A WhatsApp message's photo, voice note or video, shown in the bubble once its bytes are stored. */
export function InlineMedia({ entryId, attachments }: { entryId: string; attachments: AttachmentMeta[] }) {
  const shown = attachments.filter((file) => file.sha256 && INLINE[file.contentType]);
  if (shown.length === 0) return null;
  return (
    <div className="inline-media">
      {shown.map((file) => (
        <MediaItem key={file.sha256} entryId={entryId} file={file} kind={INLINE[file.contentType]!} />
      ))}
    </div>
  );
}

function MediaItem({ entryId, file, kind }: { entryId: string; file: AttachmentMeta; kind: 'image' | 'audio' | 'video' }) {
  const url = useMediaUrl(entryId, file);
  if (!url) return <div className="inline-media__loading">Loading {file.filename}…</div>;
  if (kind === 'image') return <img className="inline-media__image" src={url} alt={file.filename} data-testid="inline-image" />;
  if (kind === 'audio') return <audio className="inline-media__audio" src={url} controls preload="metadata" data-testid="inline-audio" />;
  return <video className="inline-media__video" src={url} controls preload="metadata" data-testid="inline-video" />;
}

/** The stored bytes as an object URL of the file's own (allowed) type, released when unmounted. */
function useMediaUrl(entryId: string, file: AttachmentMeta): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void window.switchboard.request('attachments.read', { entryId, sha256: file.sha256! }).then((content) => {
      if (!live) return;
      const bytes = Uint8Array.from(atob(content.data), (char) => char.charCodeAt(0));
      made = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      setUrl(made);
    }, () => setUrl(null));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [entryId, file.sha256, file.contentType]);
  return url;
}
