import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { isAppRendererUrl, isOpenableExternalUrl } from '../../../src-main/desktop/trusted-url';

const rendererIndex = path.resolve('/opt/Switchboard/resources/app.asar/dist/renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

describe('isAppRendererUrl', () => {
  it('accepts the renderer file itself, with or without a route in the hash or query', () => {
    expect(isAppRendererUrl(rendererUrl, rendererUrl)).toBe(true);
    expect(isAppRendererUrl(`${rendererUrl}#/inbox/c1`, rendererUrl)).toBe(true);
    expect(isAppRendererUrl(`${rendererUrl}?view=other`, rendererUrl)).toBe(true);
  });

  it('accepts a path that normalizes to the renderer file', () => {
    const dotted = rendererUrl.replace('/dist/renderer/', '/dist/desktop/../renderer/');
    expect(isAppRendererUrl(dotted, rendererUrl)).toBe(true);
  });

  it('matches an install path with spaces, apostrophes and non-ASCII however each side encoded it', () => {
    const unusual = pathToFileURL(path.resolve("/home/Zoë O'Neil/Apps/Switch board/dist/renderer/index.html")).href;
    const chromiumStyle = unusual.replace("O'Neil", 'O%27Neil');
    expect(isAppRendererUrl(chromiumStyle, unusual)).toBe(true);
    expect(isAppRendererUrl(unusual, unusual)).toBe(true);
  });

  it('refuses encoded path separators and broken escapes', () => {
    expect(isAppRendererUrl(rendererUrl.replace('/dist/renderer/', '/dist%2Frenderer/'), rendererUrl)).toBe(false);
    expect(isAppRendererUrl(rendererUrl.replace('/dist/renderer/', '/dist%5Crenderer/'), rendererUrl)).toBe(false);
    expect(isAppRendererUrl(rendererUrl.replace('index.html', 'index%E0.html'), rendererUrl)).toBe(false);
  });

  it('rejects other files on disk, even in the same folder or next to it', () => {
    expect(isAppRendererUrl('file:///etc/passwd', rendererUrl)).toBe(false);
    expect(isAppRendererUrl(rendererUrl.replace('index.html', 'other.html'), rendererUrl)).toBe(false);
    expect(isAppRendererUrl(rendererUrl.replace('/renderer/', '/renderer-evil/'), rendererUrl)).toBe(false);
    expect(isAppRendererUrl(`${rendererUrl}/x`, rendererUrl)).toBe(false);
    expect(isAppRendererUrl(rendererUrl.replace('index.html', 'INDEX.html'), rendererUrl)).toBe(false);
  });

  it('rejects the same path on a file host or under another scheme', () => {
    const pathname = new URL(rendererUrl).pathname;
    expect(isAppRendererUrl(`file://evil.example${pathname}`, rendererUrl)).toBe(false);
    expect(isAppRendererUrl(`http://localhost${pathname}`, rendererUrl)).toBe(false);
    expect(isAppRendererUrl(`https://evil.example${pathname}`, rendererUrl)).toBe(false);
  });

  it('rejects frames without a real document and unparseable input', () => {
    expect(isAppRendererUrl('about:srcdoc', rendererUrl)).toBe(false);
    expect(isAppRendererUrl('about:blank', rendererUrl)).toBe(false);
    expect(isAppRendererUrl(`data:text/html,<script src="${rendererUrl}"></script>`, rendererUrl)).toBe(false);
    expect(isAppRendererUrl('javascript:alert(1)', rendererUrl)).toBe(false);
    expect(isAppRendererUrl('', rendererUrl)).toBe(false);
    expect(isAppRendererUrl(undefined, rendererUrl)).toBe(false);
    expect(isAppRendererUrl('not a url', rendererUrl)).toBe(false);
  });

  it('trusts nothing when the renderer URL itself is not a file URL', () => {
    expect(isAppRendererUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isAppRendererUrl('file:///x', 'garbage')).toBe(false);
  });
});

describe('isOpenableExternalUrl', () => {
  it('allows plain web links', () => {
    expect(isOpenableExternalUrl('https://example.com/')).toBe(true);
    expect(isOpenableExternalUrl('http://example.com/path?q=1#frag')).toBe(true);
    expect(isOpenableExternalUrl('HTTPS://EXAMPLE.COM/')).toBe(true);
  });

  it('refuses schemes that could run something on the PC', () => {
    expect(isOpenableExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isOpenableExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableExternalUrl('data:text/html,<h1>hi</h1>')).toBe(false);
    expect(isOpenableExternalUrl('smb://server/share')).toBe(false);
    expect(isOpenableExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isOpenableExternalUrl('mailto:someone@example.com')).toBe(false);
  });

  it('refuses links that hide the real host behind credentials', () => {
    expect(isOpenableExternalUrl('https://bank.example@evil.example/')).toBe(false);
    expect(isOpenableExternalUrl('https://user:pass@example.com/')).toBe(false);
    expect(isOpenableExternalUrl('http://:secret@example.com/')).toBe(false);
  });

  it('refuses input that does not parse as an absolute URL', () => {
    expect(isOpenableExternalUrl('')).toBe(false);
    expect(isOpenableExternalUrl('example.com')).toBe(false);
    expect(isOpenableExternalUrl('/relative/path')).toBe(false);
    expect(isOpenableExternalUrl('https://')).toBe(false);
  });
});
