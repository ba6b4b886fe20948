import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../src-main/desktop/content-security-policy';

describe('withContentSecurityPolicy', () => {
  it('replaces a policy sent under any spelling of the header and keeps other headers', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["script-src 'unsafe-eval'"],
      'CONTENT-SECURITY-POLICY': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('adds the policy when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('allows no remote origin but images, and no plugin, frame, form or base target', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("frame-src 'none'");
    expect(directives).toContain("form-action 'none'");
    // Remote images reach only an email's frame, whose own policy holds them back until allowed.
    expect(directives).toContain("img-src 'self' data: blob: https: http:");
    const others = directives.filter((directive) => !directive.startsWith('img-src ')).join('; ');
    expect(others).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
