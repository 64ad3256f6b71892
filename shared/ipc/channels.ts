/**
 * IPC channel names on their own, free of zod, so the sandboxed preload bundle stays a few lines long.
 * `contract.ts` re-exports them; import from there everywhere except the preload.
 */
export const IPC_CHANNELS = {
  openFile: 'dialog:open-file',
  saveFile: 'dialog:save-file',
  printToPdf: 'print:to-pdf',
  appInfo: 'app:info',
  openWindow: 'window:open',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
