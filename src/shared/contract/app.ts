// Channels about the app itself: where its data is, and the demo patients.
import { z } from 'zod';
import { channel } from './define-channel';

/**
 * The check of the database's pages after it was opened (PRAGMA quick_check): at open after an unclean shutdown, else
 * in the background. 'not_run' where no check was started (the CLI's short commands).
 */
export type DatabaseCheckStatus =
  | { readonly state: 'not_run' }
  | { readonly state: 'running' }
  | { readonly state: 'ok'; readonly checkedAt: string }
  /** message: what is damaged and the way out (restore from a backup, named), for the screen as it is. */
  | { readonly state: 'damaged'; readonly checkedAt: string; readonly message: string }
  /** The check itself could not run; says nothing about the data. */
  | { readonly state: 'failed'; readonly message: string };

export interface AppInfo {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly databasePath: string;
  readonly patientCount: number;
  /** Today's date in Korea time: the trip statuses are computed against it. */
  readonly clinicToday: string;
  readonly databaseCheck: DatabaseCheckStatus;
}

export const appChannels = {
  getAppInfo: channel<AppInfo>()(z.strictObject({})),
  seedDemoPatients: channel<{ readonly created: number }>()(z.strictObject({})),
};
