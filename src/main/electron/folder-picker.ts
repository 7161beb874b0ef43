// The desktop's own folder dialog for "export to a chosen folder". Not a service channel: the preview and the CLI
// take a typed path instead. The call is refused unless it comes from the app's own top frame, like every IPC call.
import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { isTrustedFrame } from '../doors/trusted-frame';

export const CHOOSE_FOLDER_CHANNEL = 'clinicdesk:desktop:choose-folder';

export function registerFolderPicker(ipcMain: IpcMain, appUrl: () => string): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event, current: unknown) => {
    if (!isTrustedFrame(event.senderFrame, appUrl())) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      ...(typeof current === 'string' ? { defaultPath: current } : {}),
    };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}
