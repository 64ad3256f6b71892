/**
 * Main's side of the IPC contract. Each handler first passes `guardIpcRequest` (trusted sender, payload
 * parsed by the contract's schema), then does one thing with a dialog or the file system.
 */
import { BrowserWindow, app, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  openFileRequestSchema,
  openWindowRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  type AppInfo,
  type FileFilter,
  type IpcChannel,
  type OpenedFile,
  type SaveResult,
} from '@shared/ipc/contract';
import { readOpenedFile, writeFileAtomically } from './file-io';
import { isAllowedOpenExtension, sanitiseFileName } from './file-policy';
import { guardIpcRequest } from './ipc-guard';
import type { TrustOptions } from './trusted-url';

export interface IpcHandlerDependencies {
  trust: TrustOptions;
  openAppWindow(route: string, title: string | undefined): void;
}

const PDF_FILTERS: FileFilter[] = [{ name: 'PDF 文件', extensions: ['pdf'] }];
const noPayloadSchema = z.undefined();

export function registerIpcHandlers({ trust, openAppWindow }: IpcHandlerDependencies): void {
  handle(
    IPC_CHANNELS.openFile,
    openFileRequestSchema,
    trust,
    async (request, event): Promise<OpenedFile | null> => {
      const result = await showOpenDialog(event, {
        title: request.title,
        filters: request.filters,
        properties: ['openFile'],
      });
      const filePath = result.canceled ? undefined : result.filePaths[0];
      if (filePath === undefined) return null;
      if (!isAllowedOpenExtension(filePath, request.filters)) {
        throw new Error('The chosen file is not one of the requested file types');
      }
      return readOpenedFile(filePath);
    },
  );

  handle(IPC_CHANNELS.saveFile, saveFileRequestSchema, trust, (request, event) =>
    saveWithDialog(event, request.defaultName, request.filters, request.content, request.title),
  );

  handle(IPC_CHANNELS.printToPdf, printToPdfRequestSchema, trust, async (request, event) => {
    const pdf = await event.sender.printToPDF({
      landscape: request.landscape,
      pageSize: 'A4',
      printBackground: true,
    });
    return saveWithDialog(event, request.defaultName, PDF_FILTERS, pdf);
  });

  handle(IPC_CHANNELS.appInfo, noPayloadSchema, trust, (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron,
    userDataPath: app.getPath('userData'),
  }));

  handle(IPC_CHANNELS.openWindow, openWindowRequestSchema, trust, (request) => {
    openAppWindow(request.route, request.title);
  });
}

function handle<Schema extends z.ZodType, Result>(
  channel: IpcChannel,
  schema: Schema,
  trust: TrustOptions,
  action: (request: z.output<Schema>, event: IpcMainInvokeEvent) => Result | Promise<Result>,
): void {
  ipcMain.handle(channel, (event, payload: unknown) =>
    action(guardIpcRequest(channel, { senderUrl: event.senderFrame?.url, payload }, schema, trust), event),
  );
}

async function saveWithDialog(
  event: IpcMainInvokeEvent,
  defaultName: string,
  filters: FileFilter[],
  content: string | Uint8Array,
  title?: string,
): Promise<SaveResult> {
  const result = await showSaveDialog(event, {
    title,
    defaultPath: join(app.getPath('documents'), sanitiseFileName(defaultName, filters)),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFileAtomically(result.filePath, content);
  return { saved: true, path: result.filePath };
}

/** Dialogs are modal to the window that asked, so they cannot end up behind it. */
function showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions) {
  const owner = BrowserWindow.fromWebContents(event.sender);
  return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
}

function showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions) {
  const owner = BrowserWindow.fromWebContents(event.sender);
  return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
}
