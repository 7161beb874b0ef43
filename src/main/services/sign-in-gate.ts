// Once a clinic has coordinator profiles, the doors a person uses (the desktop app and the preview) answer only
// the sign-in channels while nobody is signed in: the lock screen is then more than a curtain in one window (a
// second browser tab of the preview, or a page that skips the renderer's lock, gets nothing either). The CLI does
// not use the gate: it holds the database key itself, more than any PIN gives.
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
const OPEN_WHEN_LOCKED: ReadonlySet<Channel> = new Set<Channel>(['saveDraft']);

export function requireSignIn(handlers: Handlers, context: ServiceContext): Handlers {
  const gated = { ...handlers } as Record<Channel, (input: never) => unknown>;
  for (const name of Object.keys(handlers) as Channel[]) {
    if (OPEN_WITHOUT_SIGN_IN.has(name)) continue;
    const handler = handlers[name] as (input: never) => unknown;
    gated[name] = (input: never) => {
      const session = context.session;
      if (!session.current && !(OPEN_WHEN_LOCKED.has(name) && session.lockedFrom) && context.coordinators.activeCount() > 0) {
        return fail('forbidden', 'Sign in with a coordinator profile first.', [issue([], 'not_signed_in')]);
      }
      return handler(input);
    };
  }
  return gated as unknown as Handlers;
}
