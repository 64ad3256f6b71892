/**
 * Which URLs count as the app itself: the dev server's origin during development, and the built
 * `index.html` — that one file, not its folder, since the app is a single page with hash routes and has no
 * other document to go to. Everything else (other sites, other local files, javascript:, data:, blob:) is
 * foreign. Used to gate navigation and to check who is calling over IPC.
 */
import { pathToFileURL } from 'node:url';
import { parseUrl, type RendererSource } from './renderer-location';

export interface TrustOptions extends RendererSource {
  /** Decides how file paths compare (Windows: case-insensitive). Defaults to the running platform. */
  platform?: NodeJS.Platform;
}

const WEB_PROTOCOLS = new Set(['http:', 'https:']);
/** Encoded separators would let a path escape the renderer file after a later decode. */
const ENCODED_SEPARATOR = /%(2f|5c)/i;

export function isTrustedNavigation(url: string, options: TrustOptions): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  if (target.protocol === 'file:') return isRendererFile(target, options);
  return isDevServer(target, options.devServerUrl);
}

function isDevServer(target: URL, devServerUrl: string | undefined): boolean {
  const devServer = devServerUrl === undefined ? undefined : parseUrl(devServerUrl);
  if (!devServer || !WEB_PROTOCOLS.has(devServer.protocol)) return false;
  // A blob: URL inherits its creator's origin, but a page navigating to one is not the app's own document.
  if (target.protocol !== devServer.protocol) return false;
  // Credentials in a URL are a classic disguise (`http://127.0.0.1:5173@evil.com`); the app never uses them.
  return target.origin === devServer.origin && target.username === '' && target.password === '';
}

function isRendererFile(target: URL, options: TrustOptions): boolean {
  // A host means a UNC share (`file://server/share`), never the app's own files.
  if (target.host !== '' || ENCODED_SEPARATOR.test(target.pathname)) return false;
  const isWindows = (options.platform ?? process.platform) === 'win32';
  const expected = pathToFileURL(options.rendererFile, { windows: isWindows });
  const actualPath = safeDecode(target.pathname);
  const expectedPath = safeDecode(expected.pathname);
  if (actualPath === undefined || expectedPath === undefined) return false;
  return isWindows ? actualPath.toLowerCase() === expectedPath.toLowerCase() : actualPath === expectedPath;
}

function safeDecode(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
