// The plan screen's unsaved plan, kept as a draft in the database (never in this window's storage, where a
// deletion request would not reach it): written shortly after each change and at once when the window is hidden
// or the screen closes, so a visit to the intake, a reload or a closed window loses at most the last edits.
import { useCallback, useRef } from 'react';
import type { Plan } from '../../../../shared/domain/plan/plan-schema';
import { api } from '../../api/client';
import { useFlushWhenHidden } from '../../app/use-flush-when-hidden';

const AUTOSAVE_DELAY_MS = 300;

export function usePlanDraft(patientId: string) {
  const pending = useRef<{ readonly plan: Plan; readonly baseVersion: number } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  /** Whether the database may hold a draft of this patient, so a plan back at its saved state discards it once. */
  const stored = useRef(false);
  // Writes and discards go out one after another: a discard sent while a write is on its way must not be
  // overtaken by it (the discarded draft would come back on the next visit).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback((send: () => Promise<unknown>) => {
    queue.current = queue.current.then(send, send);
    return queue.current;
  }, []);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const draft = pending.current;
    if (!draft) return queue.current;
    pending.current = null;
    return enqueue(() => api.savePlanDraft({ patientId, ...draft }));
  }, [patientId, enqueue]);

  /** Keeps `plan` as the draft soon; a plan equal to the saved one instead discards any draft. */
  const keep = useCallback(
    (plan: Plan, baseVersion: number, unsaved: boolean) => {
      window.clearTimeout(timer.current);
      if (!unsaved) {
        pending.current = null;
        if (stored.current) {
          stored.current = false;
          void enqueue(() => api.discardPlanDraft({ patientId }));
        }
        return;
      }
      stored.current = true;
      pending.current = { plan, baseVersion };
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [patientId, enqueue, flush],
  );

  /** Forgets any pending write and discards the draft; resolves once the database holds none. */
  const discard = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    stored.current = false;
    return enqueue(() => api.discardPlanDraft({ patientId }));
  }, [patientId, enqueue]);

  /** Tells the hook a draft was found in the database on load. */
  const found = useCallback(() => {
    stored.current = true;
  }, []);

  useFlushWhenHidden(flush);

  return { keep, discard, found, flush };
}
