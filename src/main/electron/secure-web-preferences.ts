// The webPreferences of every ClinicDesk window, in one place so a test can read them.
import type { WebPreferences } from 'electron';
import { MESSENGER_LINK_HOSTS } from '../../shared/domain/messages/follow-up-message';

/** `preloadPath` undefined: a window with no bridge at all (the passphrase form). */
export function secureWebPreferences(preloadPath: string | undefined): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Chromium's built-in PDF viewer (pdfium, in its own sandboxed process) for handout previews and printing;
    // no third-party plugins exist in Electron to be enabled by this.
    plugins: true,
  };
}

/** The only sites shell.openExternal may open: the messengers' own chat links. */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = MESSENGER_LINK_HOSTS;

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_URL_ALLOWLIST.includes(parsed.host);
  } catch {
    return false;
  }
}
