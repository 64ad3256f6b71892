/**
 * The Content-Security-Policy header for responses the app loads. The built page also carries the same
 * policy in a <meta> tag (file:// responses have no headers to rewrite); the header covers anything served
 * over http. Under the dev server no policy is sent: Vite's React refresh needs an inline script and a
 * websocket, which is why the renderer build writes its <meta> only into built pages as well.
 */
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import type { RendererSource } from './renderer-location';

export type ResponseHeaders = Record<string, string | string[]>;

export function contentSecurityPolicyFor(source: RendererSource): string | undefined {
  return source.devServerUrl ? undefined : CONTENT_SECURITY_POLICY;
}

/** Replaces any policy a response brought with it, whatever the header's case. */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string | undefined,
): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => policy === undefined || name.toLowerCase() !== 'content-security-policy',
  );
  const result: ResponseHeaders = Object.fromEntries(kept);
  if (policy !== undefined) result['Content-Security-Policy'] = [policy];
  return result;
}
