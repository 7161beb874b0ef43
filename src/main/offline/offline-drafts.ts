// What a coordinator typed while the clinic server did not answer, kept on this PC until it is back: one sealed file
// per draft in the PC's data folder (offline-drafts/), AES-256-GCM under a key derived from the clinic key
// (security/field-seal.ts), the file's name bound in, written whole or not at all and readable by its owner only
// (files/write-private-file.ts). Nothing else is written on the PC while the server is away: no patient, no
// audit entry, no second copy of the data to fork from (docs/clinic-server.md).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../files/write-private-file';
import { createFieldSeal } from '../security/field-seal';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';

export const OFFLINE_DRAFTS_FOLDER_NAME = 'offline-drafts';
const SUFFIX = '.sealed';

/** 'form': the intake form as its autosave sent it (saveDraft); 'intake': an intake sent to be saved
 * (createPatient, updatePatient), kept with its channel and input to be sent again. */
export type OfflineDraftKind = 'form' | 'intake';

export interface OfflineDraft {
  /** The draft's key: "new:<uuid>" for a patient not yet saved, else the patient's id. */
  readonly key: string;
  readonly kind: OfflineDraftKind;
  readonly label: string;
  readonly baseVersion: number | null;
  readonly savedAt: string;
  readonly content: unknown;
}

export type OfflineDrafts = ReturnType<typeof createOfflineDrafts>;

/** `dataFolder`: this PC's folder; `clinicKey`: the key the server's sealed columns are sealed under. */
export function createOfflineDrafts(dataFolder: string, clinicKey: DatabaseKey) {
  const folder = join(dataFolder, OFFLINE_DRAFTS_FOLDER_NAME);
  const seal = createFieldSeal(deriveKey(clinicKey, KEY_PURPOSES.offlineDrafts));
  // The key is a patient's id or a new intake's: hashed, so the folder's listing names no patient.
  const fileOf = (kind: OfflineDraftKind, key: string) =>
    `${createHash('sha256').update(`${kind}:${key}`).digest('hex').slice(0, 40)}${SUFFIX}`;
  const read = (file: string): OfflineDraft =>
    JSON.parse(seal.open(`offline-drafts/${file}`, readFileSync(join(folder, file), 'utf8'))) as OfflineDraft;

  return {
    folder,
    /** Keeps the draft, replacing the one of the same kind and key. */
    save(draft: OfflineDraft): void {
      const file = fileOf(draft.kind, draft.key);
      writePrivateFile(join(folder, file), seal.seal(`offline-drafts/${file}`, JSON.stringify(draft)));
    },
    get(kind: OfflineDraftKind, key: string): OfflineDraft | undefined {
      const file = fileOf(kind, key);
      return existsSync(join(folder, file)) ? read(file) : undefined;
    },
    /** Every draft kept, oldest first. */
    list(): OfflineDraft[] {
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((file) => file.endsWith(SUFFIX))
        .map(read)
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    },
    discard(kind: OfflineDraftKind, key: string): boolean {
      const path = join(folder, fileOf(kind, key));
      if (!existsSync(path)) return false;
      rmSync(path);
      return true;
    },
  };
}
