// Autosave of the intake form as a draft in the database: shortly after each change, and at once when the
// window is hidden or closed, so a reload, a crash or a closed window loses at most the last keystrokes.
import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/client';
import { draftLabel, type IntakeForm } from './intake-form';
import { useFlushWhenHidden } from '../../app/use-flush-when-hidden';

const AUTOSAVE_DELAY_MS = 300;

export type DraftStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'saved'; readonly at: string }
  | { readonly state: 'failed' };

export function useDraftAutosave(key: string, baseVersion: number | null) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const pending = useRef<IntakeForm | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const form = pending.current;
    if (!form) return;
    pending.current = null;
    setStatus({ state: 'saving' });
    const result = await api.saveDraft({ key, label: draftLabel(form), baseVersion, form });
    setStatus(result.ok ? { state: 'saved', at: result.value.savedAt } : { state: 'failed' });
  }, [key, baseVersion]);

  const schedule = useCallback(
    (form: IntakeForm) => {
      pending.current = form;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Forget any pending write (after a save or a discard, the draft must not come back). */
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    setStatus({ state: 'idle' });
  }, []);

  useFlushWhenHidden(flush);

  return { status, schedule, cancel, flush };
}
