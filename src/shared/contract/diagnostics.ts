// Saving a support bundle: the log files and the versions, as one .zip in a folder the coordinator picks, for
// whoever supports the clinic. It holds no patient data (README, "The support log").
import { z } from 'zod';
import { channel } from './define-channel';
import { absoluteFolder } from './folder';

export interface DiagnosticsBundle {
  /** The .zip written. */
  readonly path: string;
  readonly bytes: number;
  /** The files inside it. */
  readonly entries: readonly string[];
}

export const diagnosticsChannels = {
  saveDiagnostics: channel<DiagnosticsBundle>()(
    z.strictObject({
      /** An absolute folder path; created if missing. */
      folder: absoluteFolder,
    }),
  ),
};
