// Who is signed in, and the idle lock. With no coordinator profiles the app asks for the first one (the services
// serve nothing else until then); once there are profiles, nobody signed in means the sign-in screen, and N minutes
// (clinic setting idleLockMinutes) without a key, a click or a pointer move lock the screen. The lock is rendered
// instead of the app, so no patient data stays in the page; the intake form keeps what was typed in its draft
// (it saves the draft when it unmounts and restores it when it mounts again). Locking signs out in the services;
// a call refused because nobody is signed in (another tab locked, the services' own idle expiry) reads the
// session again. The services lock a session after the same idle time without a call, so while the coordinator
// is active (keys, pointer) the page tells them so, at most every ACTIVITY_PING_MS.
import { useCallback, useEffect, useState } from 'react';
import type { CoordinatorProfile } from '../../../shared/contract/coordinators';
import { IDLE_LOCK_MINUTES } from '../../../shared/domain/coordinators/coordinator-pin';
import { api, SIGNED_OUT_EVENT } from '../api/client';

/** Sent by the screens that change profiles or settings, so the app reads them again. */
export const SESSION_CHANGED = SIGNED_OUT_EVENT;
export const announceSessionChange = () => window.dispatchEvent(new Event(SESSION_CHANGED));

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** Well under the shortest idle time (1 minute), so an active coordinator is never locked by the services. */
const ACTIVITY_PING_MS = 20_000;

export interface CoordinatorSessionState {
  readonly loaded: boolean;
  readonly coordinators: readonly CoordinatorProfile[];
  readonly signedIn: CoordinatorProfile | null;
  readonly locked: boolean;
  /** No profiles yet: the services serve nothing of the patients until the first one is made. */
  readonly firstRun: boolean;
  lock(): void;
  unlocked(profile: CoordinatorProfile): void;
}

export function useCoordinatorSession(): CoordinatorSessionState {
  const [loaded, setLoaded] = useState(false);
  const [coordinators, setCoordinators] = useState<readonly CoordinatorProfile[]>([]);
  const [signedIn, setSignedIn] = useState<CoordinatorProfile | null>(null);
  const [locked, setLocked] = useState(false);
  const [idleMinutes, setIdleMinutes] = useState<number>(IDLE_LOCK_MINUTES.default);

  const refresh = useCallback(async () => {
    const [list, settings] = await Promise.all([api.listCoordinators({}), api.getClinicSettings({})]);
    if (list.ok) {
      setCoordinators(list.value.coordinators);
      setSignedIn(list.value.signedIn);
      // Profiles and nobody signed in: the sign-in screen.
      if (list.value.coordinators.length > 0 && !list.value.signedIn) setLocked(true);
    }
    if (settings.ok) setIdleMinutes(settings.value.idleLockMinutes);
    setLoaded(true);
  }, []);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(SESSION_CHANGED, onChange);
    return () => window.removeEventListener(SESSION_CHANGED, onChange);
  }, [refresh]);

  // The idle timer runs only while someone is signed in and the screen is open.
  useEffect(() => {
    if (!signedIn || locked) return;
    const lockNow = () => {
      setLocked(true);
      void api.signOut({});
    };
    let timer = window.setTimeout(lockNow, idleMinutes * 60_000);
    let pingedAt = Date.now();
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lockNow, idleMinutes * 60_000);
      if (Date.now() - pingedAt >= ACTIVITY_PING_MS) {
        pingedAt = Date.now();
        // Any call counts as activity for the services; this one also says whether they locked the session.
        void refresh();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
    };
  }, [signedIn, locked, idleMinutes, refresh]);

  return {
    loaded,
    coordinators,
    signedIn,
    locked,
    firstRun: loaded && coordinators.length === 0,
    // Locking signs out in the services too, so no other tab or page is served meanwhile; the lock screen keeps
    // the coordinator who was signed in chosen, so their PIN unlocks as before.
    lock: useCallback(() => {
      setLocked(true);
      void api.signOut({});
    }, []),
    unlocked: useCallback((profile: CoordinatorProfile) => {
      setSignedIn(profile);
      // The first profile, made on the first-run screen, is known at once (the refresh below confirms it).
      setCoordinators((known) => (known.length > 0 ? known : [profile]));
      setLocked(false);
      void refresh();
    }, [refresh]),
  };
}
