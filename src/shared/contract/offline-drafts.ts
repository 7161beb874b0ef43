// Channels of the drafts kept on a PC while the clinic server did not answer (docs/clinic-server.md): listed so the
// coordinator is offered them when the server is back, then saved to the server or discarded. On a single PC
// (SQLite) there is no server to lose, and the list is always empty.
import { z } from 'zod';
import { channel } from './define-channel';

export interface OfflineDraftSummary {
  readonly key: string;
  /** 'form': the intake form's autosave; 'intake': an intake whose save was refused as `unreachable`. */
  readonly kind: 'form' | 'intake';
  readonly label: string;
  readonly baseVersion: number | null;
  readonly savedAt: string;
}

const draftRef = z.strictObject({
  key: z.string().regex(/^(new:)?[0-9a-f-]{36}$/, 'invalid'),
  kind: z.enum(['form', 'intake'], 'invalid'),
});

export const offlineDraftsChannels = {
  listOfflineDrafts: channel<readonly OfflineDraftSummary[]>()(z.strictObject({})),
  /** A form goes to the server's drafts (offered by the intake screen as any draft); an intake is saved as it was
   * sent: a new patient, or an update that is a `conflict` if the record changed meanwhile (the draft is kept). */
  saveOfflineDraft: channel<{ readonly patientId: string | null }>()(draftRef),
  discardOfflineDraft: channel<{ readonly discarded: boolean }>()(draftRef),
};
