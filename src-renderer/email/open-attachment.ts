import type { AttachmentContent } from '../../src-shared/api/email-attachments';

/**
 * Hands an attachment to the browser as a download under its own name: the person opens it with the
 * program their computer uses for that kind of file. It is never shown inside the app's page, where a
 * file's HTML or script could run with the app's rights.
 */
export async function openAttachment(entryId: string, sha256: string): Promise<void> {
  const content = await window.switchboard.request('attachments.read', { entryId, sha256 });
  const url = URL.createObjectURL(toBlob(content));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob's bytes by the next turn; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function toBlob(content: AttachmentContent): Blob {
  const binary = atob(content.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Saved as plain bytes: the file's own type decides nothing in this page.
  return new Blob([bytes], { type: 'application/octet-stream' });
}
