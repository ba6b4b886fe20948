/**
 * Decisions about URLs the shell is asked to load or open. No Electron here so the rules can be
 * unit-tested; everything that matters for security is a "no" unless it parses and matches exactly.
 */

function parse(candidate: string): URL | undefined {
  try {
    return new URL(candidate);
  } catch {
    return undefined;
  }
}

/**
 * True when `candidate` is the renderer's own index.html. The query and hash are ignored because
 * the app routes with them; any other file, host or scheme is foreign, since a file:// page elsewhere
 * on disk would otherwise inherit the preload's API.
 */
export function isAppRendererUrl(candidate: string | undefined, rendererUrl: string): boolean {
  if (!candidate) return false;
  const url = parse(candidate);
  const own = parse(rendererUrl);
  if (!url || !own || own.protocol !== 'file:') return false;
  if (url.protocol !== 'file:' || url.host !== own.host) return false;
  const path = decodedPath(url);
  return path !== undefined && path === decodedPath(own);
}

/**
 * Chromium and Node percent-encode a few characters differently (an install path may hold a
 * space, an apostrophe or a user name in any script), so paths are compared decoded. An encoded
 * separator is refused outright rather than decoded into one.
 */
function decodedPath(url: URL): string | undefined {
  if (/%(2f|5c)/i.test(url.pathname)) return undefined;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

/**
 * True when `candidate` may be handed to the system browser. Only plain web links qualify: other
 * schemes (file:, javascript:, custom protocol handlers) can launch programs, and a user:password@
 * prefix is a classic way to disguise the real host.
 */
export function isOpenableExternalUrl(candidate: string): boolean {
  const url = parse(candidate);
  if (!url) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}
