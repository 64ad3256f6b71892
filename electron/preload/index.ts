/**
 * The whole bridge between the page and main: one method per IPC channel, nothing else. ipcRenderer itself
 * never crosses, so a compromised page cannot reach channels the contract does not list. Channel names come
 * from `channels.ts` rather than the contract so zod stays out of this sandboxed bundle.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '@shared/ipc/channels';
import type { DesktopApi } from '@shared/ipc/contract';

const desktop = {
  openFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  openWindow: (request) => ipcRenderer.invoke(IPC_CHANNELS.openWindow, request),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktop);
