import { describe, it, expect } from 'vitest';
import { isTrustedNavigation, type TrustOptions } from './trusted-url';

const packaged: TrustOptions = { rendererFile: '/app/out/renderer/index.html', platform: 'linux' };
const dev: TrustOptions = { ...packaged, devServerUrl: 'http://127.0.0.1:5173/' };
const windows: TrustOptions = {
  rendererFile: 'C:\\Program Files\\Emergency Desk\\resources\\app.asar\\out\\renderer\\index.html',
  platform: 'win32',
};

describe('isTrustedNavigation: the built renderer file', () => {
  it.each([
    'file:///app/out/renderer/index.html',
    'file:///app/out/renderer/index.html#/drills/participant',
    'file:///app/out/renderer/index.html?lang=zh-CN#/',
    'file:///app/out/renderer/./index.html',
    'file:///app/out/renderer/assets/../index.html',
  ])('trusts %s', (url) => {
    expect(isTrustedNavigation(url, packaged)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['a sibling of index.html', 'file:///app/out/renderer/other.html'],
    ['an asset opened as a page', 'file:///app/out/renderer/assets/index.js'],
    ['the renderer folder itself', 'file:///app/out/renderer/'],
    ['path traversal', 'file:///app/out/renderer/../../x'],
    ['encoded traversal', 'file:///app/out/renderer/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded slash', 'file:///app/out/renderer%2Findex.html'],
    ['an encoded backslash', 'file:///app/out/renderer%5Cindex.html'],
    ['a lookalike folder', 'file:///app/out/renderer-evil/index.html'],
    ['a different case on Linux', 'file:///app/out/Renderer/index.html'],
    ['a UNC share', 'file://evil-server/app/out/renderer/index.html'],
    ['a malformed escape', 'file:///app/out/renderer/index%E0%A4%A.html'],
  ])('rejects %s', (_label, url) => {
    expect(isTrustedNavigation(url, packaged)).toBe(false);
  });

  it('compares Windows paths without regard to case', () => {
    expect(
      isTrustedNavigation(
        'file:///C:/Program%20Files/Emergency%20Desk/resources/app.asar/out/renderer/index.html#/plans',
        windows,
      ),
    ).toBe(true);
    expect(
      isTrustedNavigation(
        'file:///c:/program files/emergency desk/resources/app.asar/out/renderer/INDEX.html',
        windows,
      ),
    ).toBe(true);
    expect(isTrustedNavigation('file:///C:/Windows/System32/drivers/etc/hosts', windows)).toBe(false);
    expect(
      isTrustedNavigation(
        'file:///D:/Program Files/Emergency Desk/resources/app.asar/out/renderer/index.html',
        windows,
      ),
    ).toBe(false);
  });
});

describe('isTrustedNavigation: the dev server', () => {
  it.each([
    'http://127.0.0.1:5173/',
    'http://127.0.0.1:5173/#/incidents',
    'http://127.0.0.1:5173/index.html?x=1',
    'http://127.0.0.1:5173/@vite/client',
  ])('trusts %s during development', (url) => {
    expect(isTrustedNavigation(url, dev)).toBe(true);
  });

  it('trusts nothing on the network in a packaged app', () => {
    expect(isTrustedNavigation('http://127.0.0.1:5173/', packaged)).toBe(false);
  });

  it.each([
    ['a port lookalike host', 'http://127.0.0.1:5173.evil.com/'],
    ['credentials in front of another host', 'http://127.0.0.1:5173@evil.com/'],
    ['credentials on the dev origin', 'http://user:pass@127.0.0.1:5173/'],
    ['another port', 'http://127.0.0.1:5174/'],
    ['https instead of http', 'https://127.0.0.1:5173/'],
    ['localhost instead of 127.0.0.1', 'http://localhost:5173/'],
    ['a subdomain trick', 'http://127.0.0.1.evil.com:5173/'],
    ['a public site', 'https://example.com/'],
    ['a websocket', 'ws://127.0.0.1:5173/'],
  ])('rejects %s', (_label, url) => {
    expect(isTrustedNavigation(url, dev)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    const odd: TrustOptions = { ...packaged, devServerUrl: 'file:///app/out/renderer/' };
    expect(isTrustedNavigation('file:///app/out/renderer/other.html', odd)).toBe(false);
    const broken: TrustOptions = { ...packaged, devServerUrl: 'not a url' };
    expect(isTrustedNavigation('http://127.0.0.1:5173/', broken)).toBe(false);
  });
});

describe('isTrustedNavigation: other schemes and garbage', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:file:///0a1b2c3d',
    'blob:http://127.0.0.1:5173/0a1b2c3d',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'mailto:duty@example.com',
    '',
    'index.html',
    '//127.0.0.1:5173/',
    'http://',
    'http://[::1',
  ])('rejects %j', (url) => {
    expect(isTrustedNavigation(url, dev)).toBe(false);
  });
});
