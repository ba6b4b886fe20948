import type { Session } from 'electron';

/**
 * Only the app's own bundle may run, style or connect; inline styles stay allowed because React
 * sets style attributes. data:/blob: images cover pasted and downloaded attachments. http(s) images
 * are for email: its sandboxed srcdoc frame inherits this policy as well as carrying its own, which
 * blocks remote images until the person allows them. `frame-src 'none'` does not stop a srcdoc frame,
 * and keeps that frame from navigating anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** Replaces any policy a response brought with ours; header names are case-insensitive, so drop every spelling. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Applied to the session rather than to one window so that every page and every response is covered.
 * The app needs no web permission (camera, geolocation, notifications go through main), so all are refused.
 */
export function applySessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}
