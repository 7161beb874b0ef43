// The doors a person uses (the desktop app and the preview) answer only the sign-in channels to a session where
// nobody is signed in: the lock screen is then more than a curtain in one window (another browser of the preview,
// or a page that skips the renderer's lock, gets nothing either). With no profiles yet, nobody can sign in, so
// nothing of the patients is served until the first profile is made (and signed in at once). The CLI does not
// use the gate: it holds the database key itself, more than any PIN gives.
import type { Channel, Handlers } from '../../shared/contract';
import { fail, issue } from '../../shared/contract';
import type { ServiceContext } from './service-context';

/**
 * Open without a sign-in: signing in and out, the list to sign in from, the clinic settings (the idle time; no
 * patient data) and the app's version.
 */
export const OPEN_WITHOUT_SIGN_IN: ReadonlySet<Channel> = new Set<Channel>([
  'listCoordinators',
  'signIn',
  'signOut',
  'getClinicSettings',
  'getAppInfo',
]);

/** Open to a locked session only: what the coordinator typed as the screen locked is still saved as their draft
 * (written, never read, here). A session that was never signed in cannot plant a draft. */
const OPEN_WHEN_LOCKED: ReadonlySet<Channel> = new Set<Channel>(['saveDraft', 'savePlanDraft']);

/** With no profiles yet: making the first one, which signs in at once. */
const OPEN_BEFORE_FIRST_PROFILE: ReadonlySet<Channel> = new Set<Channel>(['addCoordinator']);

export function requireSignIn(handlers: Handlers, context: ServiceContext): Handlers {
  const gated = { ...handlers } as Record<Channel, (input: never) => unknown>;
  for (const name of Object.keys(handlers) as Channel[]) {
    if (OPEN_WITHOUT_SIGN_IN.has(name)) continue;
    const handler = handlers[name] as (input: never) => unknown;
    gated[name] = async (input: never) => {
      const session = context.session;
      if (session.current) return handler(input);
      if ((await context.store.read((tx) => tx.coordinators.activeCount())) === 0) {
        if (OPEN_BEFORE_FIRST_PROFILE.has(name)) return handler(input);
        return fail('forbidden', 'Create the first coordinator profile first.', [issue([], 'no_coordinators')]);
      }
      if (OPEN_WHEN_LOCKED.has(name) && session.lockedFrom) return handler(input);
      return fail('forbidden', 'Sign in with a coordinator profile first.', [issue([], 'not_signed_in')]);
    };
  }
  return gated as unknown as Handlers;
}
