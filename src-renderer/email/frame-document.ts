/**
 * The frame's own policy, on top of the one it inherits from the app page: nothing loads but inline
 * styles and images from the message itself (data: URLs), plus remote images over http(s) once the
 * person allowed them. Fonts, media, prefetches, frames and scripts stay blocked either way.
 */
export function framePolicy(allowRemote: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data:${allowRemote ? ' https: http:' : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// Mail is laid out for a reading pane: wide images shrink to the frame instead of scrolling sideways.
const BASE_STYLE =
  'body{margin:0;padding:12px 14px;font:14px/1.45 system-ui,sans-serif;color:#1d2330;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}';

/** The srcdoc: policy first, so it governs everything after it; the message's own styles come after ours. */
export function frameDocument(sanitizedHead: string, sanitizedBody: string, allowRemote: boolean): string {
  return [
    '<!doctype html><html><head>',
    `<meta http-equiv="Content-Security-Policy" content="${framePolicy(allowRemote)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<style>${BASE_STYLE}</style>`,
    sanitizedHead,
    '</head>',
    sanitizedBody,
    '</html>',
  ].join('');
}
