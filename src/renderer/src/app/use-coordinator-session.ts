// Who is signed in, and the idle lock. With no coordinator profiles the app asks for the first one (the services
// serve nothing else until then); once there are profiles, nobody signed in means the sign-in screen, and N minutes
// (clinic setting idleLockMinutes) without a key, a click or a pointer move lock the screen. The lock is rendered
// instead of the app, so no patient data stays in the page; the intake form keeps what was typed in its draft
// (it saves the draft when it unmounts and restores it when it mounts again). Locking signs out in the services;
// a call refused because nobody is signed in (another tab locked, the services' own idle expiry) reads the
// session again. The services lock a session after the same idle time without a call, so while the coordinator
// is active (keys, pointer) the page tells them so, at most every ACTIVITY_PING_MS.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { CoordinatorProfile } from '../../../shared/contract/coordinators';
import { IDLE_LOCK_MINUTES } from '../../../shared/domain/coordinators/coordinator-pin';
import { api, SIGNED_OUT_EVENT } from '../api/client';
import type { CallFailed } from '../api/call-failed';
import { channelQuery } from '../api/channel-query';
import { channelKey, SESSION_READS } from '../api/query-keys';
import { useClinicSettings } from '../api/reads';

// `input` too: text that arrives with no key pressed (pasted from a menu, composed by an input method, dictated) is
// a coordinator at work, and must not let the screen lock under their hands.
const ACTIVITY_EVENTS = ['keydown', 'input', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** Well under the shortest idle time (1 minute), so an active coordinator is never locked by the services. */
const ACTIVITY_PING_MS = 20_000;

export interface CoordinatorSessionState {
  readonly loaded: boolean;
  readonly coordinators: readonly CoordinatorProfile[];
  readonly signedIn: CoordinatorProfile | null;
  readonly locked: boolean;
  /** No profiles yet: the services serve nothing of the patients until the first one is made. */
  readonly firstRun: boolean;
  /** The profiles could not be read: said with a retry, never taken for "no profiles yet". */
  readonly failure: CallFailed | null;
  retry(): void;
  lock(): void;
  unlocked(profile: CoordinatorProfile): void;
}

export function useCoordinatorSession(): CoordinatorSessionState {
  const queryClient = useQueryClient();
  const profiles = useQuery(channelQuery('listCoordinators', {}));
  // The idle time follows the clinic's settings: a save in Settings invalidates them, and this reads them again.
  const settings = useClinicSettings();
  const [coordinators, setCoordinators] = useState<readonly CoordinatorProfile[]>([]);
  const [signedIn, setSignedIn] = useState<CoordinatorProfile | null>(null);
  const [locked, setLocked] = useState(false);
  const idleMinutes = settings.data?.idleLockMinutes ?? IDLE_LOCK_MINUTES.default;
  // Loaded once the first answer about the profiles is applied below (so no screen shows before a lock it calls
  // for), or could not be had; it stays so while they are read again.
  const [applied, setApplied] = useState(false);
  const loaded = (applied || profiles.isError) && settings.status !== 'pending';
  const { refetch } = profiles;
  const refresh = useCallback(() => void refetch(), [refetch]);

  // Every answer about the profiles, including one asked again after a refusal: it may say nobody is signed in.
  useEffect(() => {
    const list = profiles.data;
    if (!list) return;
    setCoordinators(list.coordinators);
    setSignedIn(list.signedIn);
    // Profiles and nobody signed in: the sign-in screen.
    if (list.coordinators.length > 0 && !list.signedIn) setLocked(true);
    setApplied(true);
  }, [profiles.data, profiles.dataUpdatedAt]);

  // A call refused because nobody is signed in (another tab locked, the services' idle expiry): read the session again.
  useEffect(() => {
    const onSignedOut = () => void queryClient.invalidateQueries({ queryKey: channelKey('listCoordinators') });
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [queryClient]);

  // Locked: what was read for the coordinator who was signed in leaves the page's memory too, not only the screen.
  useEffect(() => {
    if (!locked) return;
    const kept: ReadonlySet<unknown> = new Set(SESSION_READS);
    queryClient.removeQueries({ predicate: (query) => !kept.has(query.queryKey[0]) });
  }, [locked, queryClient]);

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
        refresh();
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
    firstRun: applied && coordinators.length === 0,
    failure: profiles.isError && !applied ? profiles.error : null,
    retry: refresh,
    // Locking signs out in the services too, so no other tab or page is served meanwhile; the lock screen keeps
    // the coordinator who was signed in chosen, so their PIN unlocks as before.
    lock: useCallback(() => {
      setLocked(true);
      void api.signOut({});
    }, []),
    unlocked: useCallback(
      (profile: CoordinatorProfile) => {
        setSignedIn(profile);
        // The first profile, made on the first-run screen, is known at once (the refresh below confirms it).
        setCoordinators((known) => (known.length > 0 ? known : [profile]));
        setLocked(false);
        // Both read again as the one now signed in (the settings may have been refused while nobody was).
        for (const channel of SESSION_READS) void queryClient.invalidateQueries({ queryKey: channelKey(channel) });
      },
      [queryClient],
    ),
  };
}
