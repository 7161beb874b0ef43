// Channels about the app itself: where its data is, and the demo patients.
import { z } from 'zod';
import { channel } from './define-channel';

export interface AppInfo {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly databasePath: string;
  readonly patientCount: number;
  /** Today's date in Korea time: the trip statuses are computed against it. */
  readonly clinicToday: string;
}

export const appChannels = {
  getAppInfo: channel<AppInfo>()(z.strictObject({})),
  seedDemoPatients: channel<{ readonly created: number }>()(z.strictObject({})),
};
