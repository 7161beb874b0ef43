// The desktop app's audit anchor key file (clinicdesk-anchor-key.json in the app's data folder), beside the
// database key's: a second random key, made at first run and kept only wrapped by the OS keychain.
//
//   { "format": "clinicdesk.anchor-key/1", "protection": "os-keychain", "wrapped": "<base64>" }
//
// A second key rather than one derived from the database key: whoever unlocks the database must not thereby be able
// to make anchors. Where there is no real keychain (the passphrase case) there is no second place to keep it, so the
// app anchors nothing there (docs/audit-anchor.md). Pure Node: safeStorage is passed in by src/main/electron.
import { z } from 'zod';
import { newAnchorKey, parseAnchorKey, type AnchorKey } from './anchor-key';

export const ANCHOR_KEY_FILE_NAME = 'clinicdesk-anchor-key.json';

const anchorKeyFileSchema = z.object({ format: z.literal('clinicdesk.anchor-key/1'), protection: z.literal('os-keychain'), wrapped: z.base64() });
export type AnchorKeyFile = z.infer<typeof anchorKeyFileSchema>;

export class AnchorKeyFileFormatError extends Error {
  constructor(path: string) {
    super(`The audit anchor key file ${path} is damaged or not a ClinicDesk anchor key file.`);
    this.name = 'AnchorKeyFileFormatError';
  }
}

export function parseAnchorKeyFile(text: string, path: string): AnchorKeyFile {
  try {
    return anchorKeyFileSchema.parse(JSON.parse(text));
  } catch {
    throw new AnchorKeyFileFormatError(path);
  }
}

export function serializeAnchorKeyFile(file: AnchorKeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function newWrappedAnchorKeyFile(wrap: (plain: string) => Buffer): { file: AnchorKeyFile; key: AnchorKey } {
  const key = newAnchorKey();
  return { key, file: { format: 'clinicdesk.anchor-key/1', protection: 'os-keychain', wrapped: wrap(key.toString('hex')).toString('base64') } };
}

export function unwrapAnchorKeyFile(file: AnchorKeyFile, unwrap: (wrapped: Buffer) => string): AnchorKey {
  return parseAnchorKey(unwrap(Buffer.from(file.wrapped, 'base64')), 'the OS keychain');
}
