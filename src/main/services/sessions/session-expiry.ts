// The idle lock, kept by the services rather than the page: a session whose coordinator made no call for the
// clinic's idleLockMinutes (on the services' clock) is signed out at its next call, whatever the page did. The
// page's lock screen is then only a view of this: the refused call tells the renderer to show it.
import { clinicSettingsOf } from '../plan-service';
import type { ServiceContext } from '../service-context';
import type { CoordinatorSession } from './coordinator-session';

/** Called at the start of every call in `session`, before it is served: expires an idle sign-in, then notes the call. */
export function noteCall(context: ServiceContext, session: CoordinatorSession): void {
  const now = context.now().getTime();
  if (session.current && session.lastCallAt !== null) {
    const idleMs = clinicSettingsOf(context).idleLockMinutes * 60_000;
    if (now - session.lastCallAt >= idleMs) lock(context, session);
  }
  session.lastCallAt = now;
}

function lock(context: ServiceContext, session: CoordinatorSession): void {
  // Logged as a sign-out under the coordinator who was signed in (the session is in scope for the audit trail).
  context.db.transaction(() => context.audit.record('coordinator.signout', null, ['idle']))();
  session.lockedFrom = session.current;
  session.current = null;
}
