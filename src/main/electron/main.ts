// The Electron shell: one window over the renderer, the IPC door to the services, and the security settings.
// Everything else (the services, the database) is plain Node code shared with the preview and the CLI.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, appRequestPath, rendererUrl } from './app-protocol';
import { parseArgs } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../doors/content-security-policy';
import { registerIpcDoor } from '../doors/ipc-door';
import { registerFolderPicker } from './folder-picker';
import { startBackupTimer } from '../doors/backup-timer';
import { isOpenRefusal } from '../doors/open-refusal';
import { chooseDatabasePath, openServices, type OpenServices } from '../services/open-services';
import { unlockAnchorKey, unlockDatabaseKey } from './database-key-store';
import { isAllowedExternalUrl, secureWebPreferences } from './secure-web-preferences';

const rendererRoot = join(import.meta.dirname, '../renderer');
const appUrl = rendererUrl({ packaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
// Before ready: app:// is a standard, secure scheme (its own origin, fetch allowed, no file: privileges).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves the built renderer under app://clinicdesk/, with the CSP on every answer; anything else is a 404. */
function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestPath(request.url, rendererRoot);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
process.env.CLINICDESK_RESOURCES ??= app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(import.meta.dirname, '../../resources');

function databasePathFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { db: { type: 'string' } }, strict: false });
  return chooseDatabasePath(typeof values.db === 'string' ? values.db : undefined, app.getPath('userData'));
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    title: 'ClinicDesk',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

let services: OpenServices | undefined;
let stopBackups: (() => void) | undefined;

app
  .whenReady()
  .then(async () => {
    lockDownSessions();
    serveAppProtocol();
    try {
      // The key lives in the app's own data folder even when --db points elsewhere: one key per installation.
      const key = await unlockDatabaseKey(app.getPath('userData'));
      if (key === undefined) {
        app.exit(2);
        return;
      }
      // A second key in the keychain, never derived from the database key, for the audit anchors (none without a keychain).
      const anchorKey = unlockAnchorKey(app.getPath('userData'));
      services = openServices({
        databasePath: databasePathFromArgs(),
        key,
        anchorKey,
        door: 'desktop app',
        handoutWorkers: true,
        offThreadJobs: true,
        checkInBackground: true,
        requireSignIn: true,
        logFiles: true,
      });
    } catch (error) {
      const message = isOpenRefusal(error) ? error.message : `The database could not be opened: ${String(error)}`;
      dialog.showErrorBox('ClinicDesk', message);
      app.exit(2);
      return;
    }
    registerIpcDoor(ipcMain, services.dispatchRaw, () => appUrl, services.context.log);
    registerFolderPicker(ipcMain, () => appUrl);
    stopBackups = startBackupTimer(services, console.log, services.context.log);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  // Before the services are open the only window was the passphrase form: its closing is the unlock's to handle.
  if (process.platform !== 'darwin' && services) app.quit();
});

app.on('will-quit', (event) => {
  stopBackups?.();
  if (!services) return;
  // The save under way commits before the database closes: quitting waits for it, then quits again.
  const closing = services;
  services = undefined;
  if (!closing.context.store.busy()) {
    void closing.close();
    return;
  }
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});
