import { rewriteCssUrls } from './css-urls';
import type { ResourceDecision } from './resource-url';

/** Functions that take image URLs as bare strings, which no url("…") rewrite sees. */
const STRING_IMAGE_FUNCTIONS = ['image-set(', 'image('];

/**
 * Cleans one declaration block in place (a style attribute or a rule): each value that names an image
 * gets its `cid:` parts swapped for data URLs, and loses the declaration when an image may not load.
 * Returns whether a remote image was held back.
 */
export function cleanDeclarations(style: CSSStyleDeclaration, decide: (url: string) => ResourceDecision, allowRemote: boolean): boolean {
  let blocked = false;
  for (let i = style.length - 1; i >= 0; i--) {
    const property = style.item(i);
    const value = style.getPropertyValue(property);
    const lower = value.toLowerCase();
    if (!allowRemote && STRING_IMAGE_FUNCTIONS.some((name) => lower.includes(name))) {
      style.removeProperty(property);
      blocked = true;
      continue;
    }
    if (!lower.includes('url(')) continue;
    const rewritten = rewriteCssUrls(value, decide);
    blocked ||= rewritten.blocked;
    if (rewritten.value === null) style.removeProperty(property);
    else if (rewritten.value !== value) style.setProperty(property, rewritten.value, style.getPropertyPriority(property));
  }
  return blocked;
}
