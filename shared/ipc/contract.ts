/**
 * The one typed contract between the renderer, the preload bridge and the Electron main process.
 * Main validates every payload with these schemas before acting; the preload exposes exactly one method per
 * channel; the renderer reaches it only through `renderer/platform`, which falls back to browser equivalents.
 */
import { z } from '../validation/z';

export { IPC_CHANNELS, type IpcChannel } from './channels';

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

export const openFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(10).default([]),
});

export const saveFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  defaultName: z.string().min(1).max(255),
  filters: z.array(fileFilterSchema).max(10).default([]),
  /** Text is written as UTF-8; binary content arrives as bytes. 200 MB is far above any backup we make. */
  content: z.union([z.string().max(200_000_000), z.instanceof(Uint8Array)]),
});

export const printToPdfRequestSchema = z.object({
  defaultName: z.string().min(1).max(255),
  landscape: z.boolean().default(false),
});

/** Second windows open only app routes (e.g. the drill participant screen), never an external URL. */
export const openWindowRequestSchema = z.object({
  route: z.string().regex(/^\/[A-Za-z0-9/_-]*$/, 'route must be an app path like /drills/participant'),
  title: z.string().max(200).optional(),
});

export type FileFilter = z.infer<typeof fileFilterSchema>;
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type PrintToPdfRequest = z.input<typeof printToPdfRequestSchema>;
export type OpenWindowRequest = z.input<typeof openWindowRequestSchema>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export type SaveResult = { saved: true; path: string } | { saved: false };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
  userDataPath: string;
}

/** What the preload bridge exposes as `window.desktop`. */
export interface DesktopApi {
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  appInfo(): Promise<AppInfo>;
  openWindow(request: OpenWindowRequest): Promise<void>;
}
