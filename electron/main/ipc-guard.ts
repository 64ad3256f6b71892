/**
 * The gate every IPC request passes before main acts on it: the calling frame must be the app's own page
 * (not an injected frame or a page the window was tricked into loading), and the payload must parse with the
 * channel's schema from the contract. Rejections throw, so `ipcMain.handle` rejects the renderer's promise.
 */
import type { z } from 'zod';
import { isTrustedNavigation, type TrustOptions } from './trusted-url';

export interface IpcRequest {
  /** `event.senderFrame?.url`; a frame that navigated away or was destroyed has none. */
  senderUrl: string | undefined;
  payload: unknown;
}

export class IpcRequestError extends Error {
  override name = 'IpcRequestError';
}

export function guardIpcRequest<Schema extends z.ZodType>(
  channel: string,
  request: IpcRequest,
  schema: Schema,
  trust: TrustOptions,
): z.output<Schema> {
  if (request.senderUrl === undefined || !isTrustedNavigation(request.senderUrl, trust)) {
    throw new IpcRequestError(`${channel}: rejected a request from an untrusted frame`);
  }
  const result = schema.safeParse(request.payload);
  if (!result.success) {
    throw new IpcRequestError(`${channel}: invalid request (${describeIssues(result.error)})`);
  }
  return result.data;
}

/** Names where and what, never the values: a payload may carry a whole backup file. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}
