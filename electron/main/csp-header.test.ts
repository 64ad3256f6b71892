import { describe, it, expect } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { contentSecurityPolicyFor, withContentSecurityPolicy } from './csp-header';

describe('contentSecurityPolicyFor', () => {
  it('enforces the app policy for the built renderer', () => {
    expect(contentSecurityPolicyFor({ rendererFile: '/app/out/renderer/index.html' })).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('sends none under the dev server, whose React refresh needs an inline script', () => {
    expect(
      contentSecurityPolicyFor({
        devServerUrl: 'http://localhost:5173/',
        rendererFile: '/app/out/renderer/index.html',
      }),
    ).toBeUndefined();
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps other headers', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] }, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('replaces a weaker policy sent by the server, in any header case', () => {
    const headers = {
      'content-security-policy': ['default-src *'],
      'CONTENT-SECURITY-POLICY': "script-src 'unsafe-eval'",
      'Content-Security-Policy-Report-Only': ["default-src 'none'"],
    };
    expect(withContentSecurityPolicy(headers, "default-src 'self'")).toEqual({
      'Content-Security-Policy-Report-Only': ["default-src 'none'"],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('works when a response has no headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('passes headers through untouched when no policy applies', () => {
    const headers = { 'content-security-policy': ['default-src *'], Server: ['vite'] };
    expect(withContentSecurityPolicy(headers, undefined)).toEqual(headers);
    expect(withContentSecurityPolicy(undefined, undefined)).toEqual({});
  });
});
