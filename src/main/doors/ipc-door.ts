// The Electron door: one ipcMain handler per contract channel, each checking the calling frame before the
// payload goes to dispatch (which checks it against the contract). Typed against a minimal ipcMain shape so it
// is tested without Electron.
import { CHANNELS, fail, ipcChannel, type Result } from '../../shared/contract';
import { stderrAppLog, type AppLog } from '../logging/app-log';
import { doorRefusal, type RawDispatch } from '../services/dispatch';
import { isTrustedFrame, type FrameLike } from './trusted-frame';

export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>>): void;
}

export function registerIpcDoor(ipcMain: IpcMainLike, dispatch: RawDispatch, appUrl: () => string, log: AppLog = stderrAppLog): void {
  for (const name of CHANNELS) {
    ipcMain.handle(ipcChannel(name), async (event, payload) => {
      if (!isTrustedFrame(event.senderFrame, appUrl())) {
        return doorRefusal(log, name, fail('forbidden', 'Refused: the call did not come from the ClinicDesk window.'));
      }
      return dispatch(name, payload);
    });
  }
}
