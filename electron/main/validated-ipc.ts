import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { Channel, IpcArg, IpcResult } from '../../src/bridge/channels';
import { isTrustedAppUrl } from './trusted-url';

// Every IPC handler is registered here (VS Code's validatedIpcMain): the
// sender must be the top frame of one of the app's own pages, and the
// argument is parsed as `unknown` before a handler sees it. A compromised
// or navigated frame gets an error, never a handler.

export type IpcHandler<C extends Channel> = (arg: IpcArg<C>, event: IpcMainInvokeEvent) => IpcResult<C> | Promise<IpcResult<C>>;

/** One handler per bridge call: a missing or mistyped one fails to compile. */
export type IpcHandlers = { readonly [C in Channel]: IpcHandler<C> };

export interface ValidatedIpc {
  handle<C extends Channel>(channel: C, schema: z.ZodType<IpcArg<C>>, handler: IpcHandler<C>): void;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'}: ${issue.message}`).join('; ');
}

export function senderProblem(event: IpcMainInvokeEvent, trusted: readonly string[]): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone (navigated away or destroyed)';
  if (frame.parent !== null) return `the sender is a subframe (${frame.url}), not the app window`;
  if (!isTrustedAppUrl(frame.url, trusted)) return `the sender ${frame.url || '(no URL)'} is not the app (${trusted.join(', ')})`;
  return null;
}

export function createValidatedIpc(ipcMain: Pick<IpcMain, 'handle'>, trusted: readonly string[]): ValidatedIpc {
  return {
    handle(channel, schema, handler) {
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        const problem = senderProblem(event, trusted);
        if (problem) throw new Error(`${channel} refused: ${problem}.`);
        if (args.length > 1) throw new Error(`${channel} takes at most one argument; got ${args.length}.`);
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) throw new Error(`${channel} got a bad argument: ${describeIssues(parsed.error)}.`);
        return handler(parsed.data, event);
      });
    },
  };
}
