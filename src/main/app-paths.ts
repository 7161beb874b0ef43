// The app's data folder when no --db or CLINICDESK_DB is given. It is the folder Electron's
// app.getPath('userData') returns for productName "ClinicDesk", worked out here without Electron so the CLI and
// the preview open the same database as the desktop app.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'ClinicDesk';

export function defaultDataFolder(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
