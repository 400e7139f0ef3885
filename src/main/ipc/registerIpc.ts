// Registers every LibraryApi method on ipcMain, each going through the shared dispatch (input
// validation, envelopes), and only for messages from our own window's page.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../../shared/api/dispatch.ts';
import { LIBRARY_API_METHODS } from '../../shared/api/methods.ts';

/** Only the window's own top frame may call: not a subframe, not another page or window. */
export function fromMainFrameOf(contents: {
  mainFrame: unknown;
}): (event: { sender: unknown; senderFrame: unknown }) => boolean {
  return (event) => event.sender === contents && event.senderFrame === contents.mainFrame;
}

export function registerIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of LIBRARY_API_METHODS) {
    ipcMain.handle(`sts:${method}`, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
      }
      return dispatch(method, input);
    });
  }
}
