/**
 * Re-serializes a <style> element's CSS through the browser's own parser, keeping only rules that style
 * the message. A constructed sheet drops @import by itself; @font-face, @namespace, @property and other
 * at-rules go too: fonts are never fetched for an email, and none of the rest is needed to lay one out.
 * Nothing loads here: the sheet is never applied to a document.
 */
export function cleanStylesheet(css: string, clean: (style: CSSStyleDeclaration) => void): string {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  cleanRules(sheet.cssRules, (index) => sheet.deleteRule(index), clean);
  // The CSSOM writes `\3c /style>` in a string back as `</style>`, which would end the element early;
  // `\3c ` is the same character to CSS, and DOMPurify would drop the whole sheet over a bare `<`.
  return Array.from(sheet.cssRules, (rule) => rule.cssText)
    .join('\n')
    .replace(/</g, '\\3c ');
}

function cleanRules(rules: CSSRuleList, remove: (index: number) => void, clean: (style: CSSStyleDeclaration) => void): void {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (!isLayoutRule(rule)) {
      remove(i);
      continue;
    }
    if (rule instanceof CSSKeyframesRule) {
      for (const frame of Array.from(rule.cssRules)) if (frame instanceof CSSKeyframeRule) clean(frame.style);
      continue;
    }
    if (rule instanceof CSSStyleRule) clean(rule.style);
    // Media, supports, container and layer blocks, and rules nested in a style rule.
    if (rule instanceof CSSGroupingRule) cleanRules(rule.cssRules, (index) => rule.deleteRule(index), clean);
  }
}

function isLayoutRule(rule: CSSRule): boolean {
  return (
    rule instanceof CSSStyleRule ||
    rule instanceof CSSConditionRule ||
    rule instanceof CSSLayerBlockRule ||
    rule instanceof CSSKeyframesRule
  );
}
