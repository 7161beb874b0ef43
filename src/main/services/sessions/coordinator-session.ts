// Who is signed in, per session. The desktop app and the CLI have one session (the services' own); the preview
// server has one per browser (its session cookie), so signing in, the idle lock and signing out in one browser
// leave every other browser as it was. A call runs inside its session (AsyncLocalStorage), so the services read
// `context.session` as before and never pass a session around.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface SignedInCoordinator {
  readonly id: string;
  readonly name: string;
}

export interface CoordinatorSession {
  /** Who is signed in; null when nobody is (never signed in, signed out, or locked). */
  current: SignedInCoordinator | null;
  /** Who was signed in before the lock (or sign-out): what they type behind the lock screen is still their draft. */
  lockedFrom: SignedInCoordinator | null;
  /** The services' clock at this session's last call, for the idle expiry (session-expiry.ts); null before any. */
  lastCallAt: number | null;
  /** Drafts already saved in this session (by key): only the first save of each is audited (drafts-service.ts). */
  readonly draftsSaved: Set<string>;
}

export function newCoordinatorSession(): CoordinatorSession {
  return { current: null, lockedFrom: null, lastCallAt: null, draftsSaved: new Set() };
}

const scope = new AsyncLocalStorage<CoordinatorSession>();

/** Runs `call` with `session` as the session every service sees, through any await inside it. */
export function runInSession<T>(session: CoordinatorSession, call: () => T): T {
  return scope.run(session, call);
}

/** The session of the call being served, else `fallback` (the services' own: the desktop app, the CLI, tests). */
export function sessionInScope(fallback: CoordinatorSession): CoordinatorSession {
  return scope.getStore() ?? fallback;
}
