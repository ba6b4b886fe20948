import { describe, expect, it } from 'vitest';
import { imageUrl } from '../../../src-renderer/email/resource-url';

const blocked = { allowRemote: false, inlineImages: { 'logo@shop.test': 'data:image/png;base64,AAAA' } };
const allowed = { ...blocked, allowRemote: true };

describe('imageUrl', () => {
  it('holds back remote images until allowed, however the URL is spelled', () => {
    for (const raw of ['http://t.test/a.gif', 'HTTPS://t.test/a.gif', '  \thttps://t.test/a.gif', 'ht\ntp://t.test/a.gif', '//t.test/a.gif']) {
      expect(imageUrl(raw, blocked), raw).toEqual({ url: null, blocked: true });
      expect(imageUrl(raw, allowed).url, raw).toMatch(/^https?:\/\/t\.test\/a\.gif$/);
    }
  });

  it('swaps cid: references for the message’s own parts, percent-encoded or not', () => {
    expect(imageUrl('cid:logo@shop.test', blocked)).toEqual({ url: 'data:image/png;base64,AAAA', blocked: false });
    expect(imageUrl('CID:logo%40shop.test', blocked).url).toBe('data:image/png;base64,AAAA');
    expect(imageUrl('cid:unknown@shop.test', allowed)).toEqual({ url: null, blocked: false });
  });

  it('keeps data: images and drops everything else, remote allowed or not', () => {
    expect(imageUrl('data:image/gif;base64,R0lGOD', blocked).url).toBe('data:image/gif;base64,R0lGOD');
    for (const raw of ['data:text/html,<script>1</script>', 'javascript:alert(1)', '/tracker.gif', 'open.gif', 'file:///etc/passwd', 'ftp://t.test/a']) {
      expect(imageUrl(raw, allowed), raw).toEqual({ url: null, blocked: false });
    }
  });
});
