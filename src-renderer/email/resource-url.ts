/** What an email's HTML may load: its own inline parts always, remote images only once the person allows it. */
export interface ResourcePolicy {
  allowRemote: boolean;
  /** Content-ID (without angle brackets) to a data URL of that part. */
  inlineImages: Record<string, string>;
}

/** `url` is what to load instead, or null to load nothing; `blocked` says a remote image was held back. */
export interface ResourceDecision {
  url: string | null;
  blocked: boolean;
}

const NOTHING: ResourceDecision = { url: null, blocked: false };

/**
 * Decides one image reference. URLs are read with the same WHATWG parser the frame would use, so
 * spaces, tabs or odd casing cannot make a remote URL look local. Relative URLs are never loaded: an
 * email has no base of its own, and the frame's base is the app, which the sender has no business with.
 */
export function imageUrl(raw: string, policy: ResourcePolicy): ResourceDecision {
  const url = parseUrl(raw);
  if (!url) return NOTHING;
  switch (url.protocol) {
    case 'data:':
      return url.pathname.toLowerCase().startsWith('image/') ? { url: url.href, blocked: false } : NOTHING;
    case 'cid:':
      return { url: policy.inlineImages[contentId(url)] ?? null, blocked: false };
    case 'http:':
    case 'https:':
      return policy.allowRemote ? { url: url.href, blocked: false } : { url: null, blocked: true };
    default:
      return NOTHING;
  }
}

function parseUrl(raw: string): URL | null {
  // Protocol-relative (`//host/x.png`) is how much mail names its images: remote, over https.
  const trimmed = raw.replace(/^[\u0000-\u0020]+/, '');
  try {
    return new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
  } catch {
    return null;
  }
}

/** RFC 2392: a `cid:` URL is the Content-ID, percent-encoded. */
function contentId(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}
