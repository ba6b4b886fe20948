import createDOMPurify, { type Config } from 'dompurify';
import { cleanStylesheet } from './clean-stylesheet';
import { cleanDeclarations } from './css-declarations';
import { frameDocument } from './frame-document';
import { imageUrl, type ResourcePolicy } from './resource-url';
import { rewriteSrcset } from './srcset';

/**
 * HTML only (no SVG or MathML, whose links load too), and nothing that acts: DOMPurify already drops
 * scripts, event handlers, <base>, <meta>, <link>, frames and objects outside this profile; forms and
 * media go as well, since a sandboxed email can neither submit nor play anything.
 */
const CONFIG: Config & { RETURN_DOM: true } = {
  USE_PROFILES: { html: true },
  WHOLE_DOCUMENT: true,
  RETURN_DOM: true,
  FORBID_TAGS: ['form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'audio', 'video', 'track', 'template'],
  FORBID_ATTR: ['poster', 'ping', 'action', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

/** Attributes that make the frame fetch an image on their own. */
const IMAGE_ATTRIBUTES = ['src', 'background'];

export interface SanitizedEmail {
  /** A complete document for `<iframe srcdoc>`, carrying its own Content-Security-Policy. */
  document: string;
  /** A remote image was left out; the person may choose to load it. */
  blockedRemote: boolean;
}

/**
 * Sanitizes an email in the renderer, where the DOM is, then takes out every reference that would make
 * a request the person did not allow: the frame's policy blocks them too, and this holds even if that
 * policy were bypassed. `cid:` images become the message's own parts as data URLs.
 */
export function sanitizeEmail(html: string, policy: ResourcePolicy): SanitizedEmail {
  // A fresh instance per message: its hooks close over this message's policy and nothing else.
  const purify = createDOMPurify(window);
  let blockedRemote = false;
  const decide = (url: string) => {
    const decision = imageUrl(url, policy);
    blockedRemote ||= decision.blocked;
    return decision;
  };
  const clean = (style: CSSStyleDeclaration) => {
    blockedRemote = cleanDeclarations(style, decide, policy.allowRemote) || blockedRemote;
  };

  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = cleanStylesheet(node.textContent, clean);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    for (const name of IMAGE_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const { url } = decide(value);
      if (url === null) node.removeAttribute(name);
      else node.setAttribute(name, url);
    }
    const srcset = node.getAttribute('srcset');
    if (srcset !== null) {
      const rewritten = rewriteSrcset(srcset, decide);
      if (rewritten.value === null) node.removeAttribute('srcset');
      else node.setAttribute('srcset', rewritten.value);
    }
    if (node instanceof HTMLElement && node.hasAttribute('style')) {
      clean(node.style);
      if (node.style.length === 0) node.removeAttribute('style');
    }
    // A click would otherwise navigate the frame itself; the sandbox refuses the new window instead.
    if (node.localName === 'a' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });

  // With WHOLE_DOCUMENT and RETURN_DOM, the <html> element of the sanitized document.
  const root = purify.sanitize(html, CONFIG) as Element;
  const head = root.querySelector('head')?.innerHTML ?? '';
  const body = root.querySelector('body')?.outerHTML ?? '<body></body>';
  return { document: frameDocument(head, body, policy.allowRemote), blockedRemote };
}
