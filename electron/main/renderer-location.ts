/**
 * Where the renderer comes from: the electron-vite dev server while developing, the built `index.html`
 * otherwise. Routes are hash routes, so every window loads the same document and the route rides in the hash.
 */

export interface RendererSource {
  /** Set only for an unpackaged run under `electron-vite dev`. */
  devServerUrl?: string | undefined;
  /** Absolute path of the built renderer's `index.html`. */
  rendererFile: string;
}

export type RendererLocation = { kind: 'url'; url: string } | { kind: 'file'; file: string; hash: string };

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * A packaged app ignores `ELECTRON_RENDERER_URL`: otherwise anyone able to set an environment variable could
 * point the app, with its privileged preload bridge, at a page of their choosing.
 */
export function resolveDevServerUrl(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  const candidate = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !candidate) return undefined;
  const url = parseUrl(candidate);
  return url && WEB_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

export function rendererLocation(source: RendererSource, route = '/'): RendererLocation {
  if (source.devServerUrl) {
    const url = new URL(source.devServerUrl);
    url.hash = route;
    return { kind: 'url', url: url.href };
  }
  return { kind: 'file', file: source.rendererFile, hash: route };
}

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
