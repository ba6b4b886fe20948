import { describe, expect, it } from 'vitest';
import { frameDocument, framePolicy } from '../../../src-renderer/email/frame-document';

describe('the email frame document', () => {
  it('blocks everything but inline styles and data: images by default', () => {
    expect(framePolicy(false)).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
  });

  it('adds http(s) images, and nothing else, once remote images are allowed', () => {
    const directives = framePolicy(true).split('; ');
    expect(directives).toContain('img-src data: https: http:');
    expect(directives.filter((d) => d.includes('http'))).toEqual(['img-src data: https: http:']);
  });

  it('puts the policy before anything of the message', () => {
    const html = frameDocument('<style>p{}</style>', '<body><p>Hi</p></body>', false);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>p{}'));
    expect(html).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy"/);
  });
});
