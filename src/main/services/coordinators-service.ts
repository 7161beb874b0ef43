// Coordinator profiles and their sign-in. A PIN is stored only as scrypt(PIN, a 16-byte salt of its own), compared
// in constant time. Wrong PINs are counted per profile in the database (pin-attempts-repository.ts), so a restart
// does not clear them, with the service clock: after MAX_WRONG_PINS in a row the profile waits, longer with every
// further wrong PIN (coordinator-pin.ts), and every wrong PIN is an audit entry. The database is encrypted, so the
// hashes are not there for offline guessing without the key.
//
// Who is signed in is the call's session (sessions/coordinator-session.ts): the desktop app's window has one, the
// preview one per browser (its cookie). The CLI never signs in: its entries fall back to the `coordinator`
// setting, else "unknown".
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import type { CoordinatorProfile } from '../../shared/contract/coordinators';
import { afterWrongPin, isPinShaped, pinSchema, waitLeft } from '../../shared/domain/coordinators/coordinator-pin';
import type { CoordinatorRow } from '../db/repositories/coordinators-repository';
import type { ServiceContext } from './service-context';

const SALT_BYTES = 16;
const HASH_BYTES = 32;

function hashPin(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin, salt, HASH_BYTES, { N: 16384, r: 8, p: 1 });
}

function newPinHash(pin: string): { salt: string; hash: string } {
  const salt = randomBytes(SALT_BYTES);
  return { salt: salt.toString('hex'), hash: hashPin(pin, salt).toString('hex') };
}

function pinMatches(row: CoordinatorRow, pin: string): boolean {
  const expected = Buffer.from(row.pin_hash, 'hex');
  return timingSafeEqual(hashPin(pin, Buffer.from(row.pin_salt, 'hex')), expected);
}

const profileOf = (row: CoordinatorRow): CoordinatorProfile => ({ id: row.id, name: row.display_name, createdAt: row.created_at });

export function createCoordinatorsService(context: ServiceContext) {
  /**
   * Checks a PIN against the wait and the hash; the issue to return on `field`, or null when it is right. A try
   * while the profile waits is refused unchecked (neither counted nor logged: it tells nothing about the PIN).
   */
  function checkPin(row: CoordinatorRow, pin: string, field: string) {
    const now = context.now();
    const throttle = context.pinAttempts.throttleOf(row.id);
    if (waitLeft(throttle, now.getTime()) > 0) return invalid([issue([field], 'too_many_attempts')]);
    if (isPinShaped(pin) && pinMatches(row, pin)) {
      if (throttle.wrong > 0) context.pinAttempts.clear(row.id);
      return null;
    }
    const next = afterWrongPin(throttle, now.getTime());
    context.db.transaction(() => {
      context.pinAttempts.recordFailure(row.id, next, now.toISOString());
      context.audit.record('coordinator.pin_failed', null, [field], row.display_name);
    })();
    return invalid([issue([field], waitLeft(next, now.getTime()) > 0 ? 'too_many_attempts' : 'wrong_pin')]);
  }

  const signedIn = (): CoordinatorProfile | null => {
    const current = context.session.current;
    if (!current) return null;
    const row = context.coordinators.byId(current.id);
    return row ? profileOf(row) : null;
  };

  const handlers = {
    listCoordinators() {
      return ok({ coordinators: context.coordinators.active().map(profileOf), signedIn: signedIn() });
    },

    addCoordinator({ name, pin }) {
      // Once there are profiles, only a signed-in coordinator adds one (the app shows the sign-in screen otherwise).
      if (context.coordinators.activeCount() > 0 && !signedIn()) return fail('forbidden', 'Sign in to add a coordinator.', [issue(['name'], 'not_signed_in')]);
      if (context.coordinators.nameTaken(name)) return invalid([issue(['name'], 'name_taken')]);
      const { salt, hash } = newPinHash(pin);
      const row: CoordinatorRow = { id: context.newId(), display_name: name, pin_salt: salt, pin_hash: hash, created_at: context.now().toISOString() };
      context.db.transaction(() => {
        context.audit.record('settings.save', null, ['coordinators']);
        context.coordinators.insert(row);
      })();
      if (!signedIn()) signInAs(row);
      return ok(profileOf(row));
    },

    signIn({ coordinatorId, pin }) {
      const row = context.coordinators.byId(coordinatorId);
      if (!row) return fail('not_found', `No coordinator with id ${coordinatorId}.`, [issue(['coordinatorId'], 'invalid')]);
      const refused = checkPin(row, pin, 'pin');
      if (refused) return refused;
      signInAs(row);
      return ok(profileOf(row));
    },

    signOut() {
      if (context.session.current) {
        const session = context.session;
        context.db.transaction(() => context.audit.record('coordinator.signout', null))();
        session.lockedFrom = session.current;
        session.current = null;
      }
      return ok({ signedOut: true as const });
    },

    changePin({ currentPin, newPin }) {
      const current = signedIn();
      const row = current ? context.coordinators.byId(current.id) : undefined;
      if (!row) return fail('forbidden', 'Sign in to change your PIN.', [issue(['currentPin'], 'not_signed_in')]);
      const refused = checkPin(row, currentPin, 'currentPin');
      if (refused) return refused;
      const { salt, hash } = newPinHash(newPin);
      context.db.transaction(() => {
        context.audit.record('settings.save', null, ['coordinators.pin']);
        context.coordinators.setPin(row.id, salt, hash);
      })();
      return ok({ changed: true as const });
    },
  } satisfies Pick<Handlers, 'listCoordinators' | 'addCoordinator' | 'signIn' | 'signOut' | 'changePin'>;

  function signInAs(row: CoordinatorRow): void {
    // A switch of profile: the one leaving signs out in the log, the one arriving signs in under their own name.
    context.db.transaction(() => {
      const session = context.session;
      if (session.current && session.current.id !== row.id) context.audit.record('coordinator.signout', null);
      session.current = { id: row.id, name: row.display_name };
      session.lockedFrom = null;
      context.audit.record('coordinator.signin', null);
    })();
  }

  return handlers;
}

/**
 * A new PIN for a profile without its current one: for the CLI only (`coordinators reset-pin`), which holds the
 * database key, when a coordinator forgot theirs. Never a channel: the app and the preview cannot reach it.
 */
export function resetCoordinatorPin(context: ServiceContext, coordinatorId: string, pin: string) {
  const row = context.coordinators.byId(coordinatorId);
  if (!row) return fail('not_found', `No coordinator with id ${coordinatorId}.`, [issue(['coordinatorId'], 'invalid')]);
  if (!pinSchema.safeParse(pin).success) return invalid([issue(['pin'], 'invalid_pin')]);
  const { salt, hash } = newPinHash(pin);
  context.db.transaction(() => {
    context.audit.record('settings.save', null, ['coordinators.pin']);
    context.coordinators.setPin(row.id, salt, hash);
  })();
  return ok(profileOf(row));
}
