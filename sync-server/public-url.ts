/** The server's address as Twilio sees it (webhook signatures are computed over it): an absolute http(s) URL. */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--public-url must be an absolute http(s) URL, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--public-url must be an http(s) URL, not "${url.protocol}".`);
  }
  return url.href.replace(/\/$/, '');
}

export const PUBLIC_URL_SETTING = 'public_url';
