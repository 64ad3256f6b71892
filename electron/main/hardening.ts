/**
 * Session and web-contents hardening, installed before the first window exists. Decisions come from the
 * pure modules beside this one; here they are only attached to Electron's hooks.
 */
import { app, session } from 'electron';
import { contentSecurityPolicyFor, withContentSecurityPolicy } from './csp-header';
import type { RendererSource } from './renderer-location';
import { isTrustedNavigation, type TrustOptions } from './trusted-url';

export function hardenDefaultSession(source: RendererSource): void {
  const policy = contentSecurityPolicyFor(source);
  const { defaultSession } = session;
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  // The app needs no camera, location, notifications or device access; nothing gets prompted or granted.
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
}

/** Applies to every web contents, including any a compromised page might manage to create. */
export function guardWebContents(trust: TrustOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const blockUntrusted = (event: { url: string; preventDefault(): void }) => {
      if (isTrustedNavigation(event.url, trust)) return;
      event.preventDefault();
      console.warn('Blocked navigation to an untrusted URL', event.url);
    };
    contents.on('will-navigate', blockUntrusted);
    contents.on('will-frame-navigate', blockUntrusted);
    contents.on('will-redirect', blockUntrusted);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
