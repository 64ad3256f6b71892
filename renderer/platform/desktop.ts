/**
 * The renderer's only way to the desktop. In Electron the preload bridge (`window.desktop`) opens native
 * dialogs and prints to PDF; in a plain browser the same calls fall back to a download, a file input and
 * `window.print()`, so every user action can also be exercised in a browser.
 */
import type {
  AppInfo,
  DesktopApi,
  OpenedFile,
  OpenFileRequest,
  OpenWindowRequest,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveResult,
} from '@shared/ipc/contract';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

export type Platform = DesktopApi & { isDesktop: boolean };

function download(name: string, content: string | Uint8Array): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part]));
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function pickFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = Object.assign(document.createElement('input'), { type: 'file', hidden: true });
    input.accept = (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    const finish = (file: OpenedFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => finish(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(null);
      void file.arrayBuffer().then((buffer) => finish({ name: file.name, bytes: new Uint8Array(buffer) }));
    });
    document.body.append(input);
    input.click();
  });
}

const browserPlatform: Platform = {
  isDesktop: false,
  openFile: pickFile,
  saveFile: async (request: SaveFileRequest): Promise<SaveResult> => {
    download(request.defaultName, request.content);
    return { saved: true, path: request.defaultName };
  },
  printToPdf: async (_request: PrintToPdfRequest): Promise<SaveResult> => {
    window.print();
    return { saved: false };
  },
  appInfo: async (): Promise<AppInfo> => ({
    name: 'Emergency Desk',
    version: import.meta.env['VITE_APP_VERSION'] ?? '0.1.0',
    platform: navigator.userAgent,
    electron: '',
    userDataPath: '',
  }),
  openWindow: async (request: OpenWindowRequest): Promise<void> => {
    window.open(`#${request.route}`, '_blank', 'noopener');
  },
};

export function detectPlatform(): Platform {
  const bridge = typeof window === 'undefined' ? undefined : window.desktop;
  return bridge ? { ...bridge, isDesktop: true } : browserPlatform;
}
