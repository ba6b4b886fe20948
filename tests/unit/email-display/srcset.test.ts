import { describe, expect, it } from 'vitest';
import { imageUrl } from '../../../src-renderer/email/resource-url';
import { rewriteSrcset, srcsetCandidates } from '../../../src-renderer/email/srcset';

describe('srcset', () => {
  it('reads candidates the way HTML does, commas inside data: URLs included', () => {
    expect(srcsetCandidates(' a.png 1x,b.png 2x , data:image/png;base64,AA,BB 3x,c.png,')).toEqual([
      { url: 'a.png', descriptor: '1x' },
      { url: 'b.png', descriptor: '2x' },
      { url: 'data:image/png;base64,AA,BB', descriptor: '3x' },
      { url: 'c.png', descriptor: '' },
    ]);
  });

  it('leaves out candidates that may not load, and reports remote ones', () => {
    const srcset = 'https://t.test/1.png 1x, data:image/png;base64,AA 2x, cid:x 3x';
    const blocked = rewriteSrcset(srcset, (url) => imageUrl(url, { allowRemote: false, inlineImages: { x: 'data:image/png;base64,XX' } }));
    expect(blocked).toEqual({ value: 'data:image/png;base64,AA 2x, data:image/png;base64,XX 3x', blocked: true });
    expect(rewriteSrcset('https://t.test/1.png 1x', (url) => imageUrl(url, { allowRemote: false, inlineImages: {} }))).toEqual({
      value: null,
      blocked: true,
    });
  });
});
