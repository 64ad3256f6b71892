/**
 * The one Content-Security-Policy of the app. The renderer build writes it into index.html and the Electron
 * main process sends it as a header, so a browser run and a desktop run enforce the same rules.
 * Styles need 'unsafe-inline' because Ant Design injects its CSS-in-JS as <style> elements; scripts do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
