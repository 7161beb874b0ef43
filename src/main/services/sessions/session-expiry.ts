// The idle lock, kept by the services rather than the page: a session whose coordinator made no call for the
// clinic's idleLockMinutes (on the services' clock) is signed out at its next call, whatever the page did. The
// page's lock screen is then only a view of this: the refused call tells the renderer to show it.
import type { Repositories } from '../../db/store/store';
import { clinicSettingsOf } from '../plan-service';
import type { ServiceContext } from '../service-context';
import type { CoordinatorSession } from './coordinator-session';

/** The check under way in each session: the next call of that session waits for it, so a call that arrives while an
 * idle session is being locked is never served as the coordinator who is being signed out. */
const checking = new WeakMap<CoordinatorSession, Promise<void>>();

/**
 * Called at the start of every call in `session`, before it is served (and awaited): expires an idle sign-in, then
 * notes the call. The checks of one session run one after another.
 */
export function noteCall(context: ServiceContext, session: CoordinatorSession): Promise<void> {
  const now = context.now().getTime();
  const previous = checking.get(session) ?? Promise.resolve();
  // A check that failed (the database unreadable) fails its own call only.
  const next = previous.catch(() => undefined).then(() => check(context, session, now));
  checking.set(session, next);
  return next;
}

async function check(context: ServiceContext, session: CoordinatorSession, now: number): Promise<void> {
  const idle = async (tx: Repositories) => {
    if (!session.current || session.lastCallAt === null) return false;
    const idleMs = (await clinicSettingsOf(tx)).idleLockMinutes * 60_000;
    return now - session.lastCallAt >= idleMs;
  };
  // Asked first in a read (most calls are not idle), then again in the transaction that logs the lock.
  if (session.current && session.lastCallAt !== null && (await context.store.read(idle))) {
    await context.store.transaction(async (tx) => {
      const leaving = session.current;
      if (!leaving || !(await idle(tx))) return;
      // Logged as a sign-out under the coordinator who was signed in.
      await tx.audit.record('coordinator.signout', null, ['idle'], leaving.name);
      session.lockedFrom = leaving;
      session.current = null;
    });
  }
  session.lastCallAt = now;
}
