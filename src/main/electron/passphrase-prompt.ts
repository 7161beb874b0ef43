// The passphrase window, for machines whose safeStorage has no real keychain (Linux 'basic_text'). Deliberately
// tiny and script-free: a form in a data: URL, no preload, no IPC. Submitting it "navigates" to an address that
// is never loaded: the main process reads the fields from the navigation URL and cancels it.
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './secure-web-preferences';

const SUBMIT_URL = 'https://unlock.clinicdesk.invalid/';

export interface PassphraseRequest {
  readonly firstRun: boolean;
  /** Shown above the form: why the last attempt failed. */
  readonly problem?: string;
}

/** The passphrase typed (twice, the same, on first run), or undefined when the window is closed. */
export function askPassphrase(request: PassphraseRequest): Promise<string | undefined> {
  const window = new BrowserWindow({
    width: 460,
    height: request.firstRun ? 330 : 260,
    resizable: false,
    title: 'ClinicDesk',
    webPreferences: secureWebPreferences(undefined),
  });
  return new Promise((resolve) => {
    let answered = false;
    window.webContents.on('will-navigate', (event) => {
      event.preventDefault();
      if (!event.url.startsWith(SUBMIT_URL)) return;
      const fields = new URL(event.url).searchParams;
      const passphrase = fields.get('passphrase') ?? '';
      if (request.firstRun && passphrase !== fields.get('again')) {
        void window.loadURL(page({ ...request, problem: 'The two passphrases differ.' }));
        return;
      }
      answered = true;
      resolve(passphrase);
      window.close();
    });
    window.on('closed', () => {
      if (!answered) resolve(undefined);
    });
    void window.loadURL(page(request));
  });
}

function page({ firstRun, problem }: PassphraseRequest): string {
  const text = firstRun
    ? 'This computer has no keychain to keep the database key. Choose a passphrase (at least 10 characters). ' +
      'Without it the data cannot be opened: keep it safe.'
    : 'Enter the passphrase of this ClinicDesk database.';
  const html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; form-action ${SUBMIT_URL}">
<title>ClinicDesk</title></head><body>
<p>${text}</p>${problem ? `<p role="alert"><strong>${problem}</strong></p>` : ''}
<form method="get" action="${SUBMIT_URL}">
<p><label>Passphrase <input name="passphrase" type="password" autofocus required></label></p>
${firstRun ? '<p><label>Again <input name="again" type="password" required></label></p>' : ''}
<p><button type="submit">Open ClinicDesk</button></p>
</form></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
