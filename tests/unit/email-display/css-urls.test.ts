import { describe, expect, it } from 'vitest';
import { rewriteCssUrls } from '../../../src-renderer/email/css-urls';
import { imageUrl } from '../../../src-renderer/email/resource-url';

const policy = { allowRemote: false, inlineImages: { 'bg@shop.test': 'data:image/png;base64,BG' } };
const decide = (url: string) => imageUrl(url, policy);

describe('rewriteCssUrls', () => {
  it('drops a declaration that names a remote image, and says so', () => {
    expect(rewriteCssUrls('url("https://t.test/bg.png") no-repeat', decide)).toEqual({ value: null, blocked: true });
    expect(rewriteCssUrls('linear-gradient(red, blue), url("data:image/png;base64,AA")', decide)).toEqual({
      value: 'linear-gradient(red, blue), url("data:image/png;base64,AA")',
      blocked: false,
    });
  });

  it('reads escapes as the browser serialized them, so an escaped remote URL is still remote', () => {
    expect(rewriteCssUrls('url("\\68 ttps://t.test/x.png")', decide)).toEqual({ value: null, blocked: true });
    expect(rewriteCssUrls('url("https://t.test/\\"quoted.png")', decide)).toEqual({ value: null, blocked: true });
  });

  it('swaps cid: images for data URLs and leaves values without images alone', () => {
    expect(rewriteCssUrls('url("cid:bg@shop.test") top left', decide)).toEqual({ value: 'url("data:image/png;base64,BG") top left', blocked: false });
    expect(rewriteCssUrls('12px solid red', decide)).toEqual({ value: '12px solid red', blocked: false });
    expect(rewriteCssUrls('url("unterminated', decide)).toEqual({ value: null, blocked: false });
  });
});
