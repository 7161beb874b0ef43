// Coordinator profiles and their sign-in. A PIN is stored only as scrypt(PIN, a 16-byte salt of its own), compared
// in constant time. Wrong PINs are counted per profile in the database (pin-attempts-repository.ts), so a restart
// does not clear them, with the service clock: after MAX_WRONG_PINS in a row the profile waits, longer with every
// further wrong PIN (coordinator-pin.ts), and every wrong PIN is an audit entry. The database is encrypted, so the
// hashes are not there for offline guessing without the key.
//
// The scrypt hashes (tens of milliseconds each) are computed outside any transaction; whether the PIN may be tried,
// and what a right or wrong one does to the count, is decided inside the write transaction that records it.
//
// Who is signed in is the call's session (sessions/coordinator-session.ts): the desktop app's window has one, the
// preview one per browser (its cookie). The CLI never signs in: its entries fall back to the `coordinator`
// setting, else "unknown".
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import type { CoordinatorProfile } from '../../shared/contract/coordinators';
import { afterWrongPin, isPinShaped, pinSchema, waitLeft } from '../../shared/domain/coordinators/coordinator-pin';
import { roleOfNewProfile } from '../../shared/domain/coordinators/coordinator-roles';
import type { CoordinatorRow } from '../db/repositories/coordinators-repository';
import type { Repositories, Tx } from '../db/store/store';
import { refuseUnlessAdmin } from './roles/admin-gate';
import type { CoordinatorSession } from './sessions/coordinator-session';
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

const profileOf = (row: CoordinatorRow): CoordinatorProfile => ({
  id: row.id,
  name: row.display_name,
  createdAt: row.created_at,
  role: row.role,
});

/** How many times a PIN is counted (or checked) again when another wrong one was counted (or the PIN changed)
 * between the read and the write. */
const COUNT_RETRIES = 3;
/** A PIN checked against a hash that changed before its transaction. */
const STALE = Symbol('stale');

export function createCoordinatorsService(context: ServiceContext) {
  /** A try while the profile waits is refused unchecked (neither hashed, counted nor logged: it tells nothing). */
  const waitingNow = async (coordinatorId: string, now: number) =>
    waitLeft(await context.store.read((tx) => tx.pinAttempts.throttleOf(coordinatorId)), now) > 0;

  /**
   * Inside the write transaction, with the PIN already checked against the hash (`matches`): the issue to return on
   * `field`, or null when it is right. The wait is asked again here, since another wrong PIN may have started one.
   */
  async function settlePin(tx: Tx, row: CoordinatorRow, matches: boolean, field: string, now: Date) {
    for (let tries = 0; tries < COUNT_RETRIES; tries++) {
      const throttle = await tx.pinAttempts.throttleOf(row.id);
      if (waitLeft(throttle, now.getTime()) > 0) return invalid([issue([field], 'too_many_attempts')]);
      if (matches) {
        if (throttle.wrong > 0) await tx.pinAttempts.clear(row.id);
        return null;
      }
      const next = afterWrongPin(throttle, now.getTime());
      if (!(await tx.pinAttempts.recordFailure(row.id, throttle, next, now.toISOString()))) continue;
      await tx.audit.record('coordinator.pin_failed', null, [field], row.display_name);
      return invalid([issue([field], waitLeft(next, now.getTime()) > 0 ? 'too_many_attempts' : 'wrong_pin')]);
    }
    throw new Error(`The wrong PINs of coordinator ${row.id} kept changing while one was counted.`);
  }

  /**
   * A PIN typed for the profile `load` reads: refused unchecked while the profile waits; else hashed outside any
   * transaction (with `prepare`, for a right PIN, the other slow work), then counted in the write transaction that,
   * for a right PIN, runs `then`. The profile is read again there: gone (disabled), it is `missing()`; its PIN
   * changed since it was hashed (a reset from the CLI), the PIN typed is checked again against the new one.
   */
  async function withPin<P, R>(attempt: {
    load: (tx: Repositories) => Promise<CoordinatorRow | undefined>;
    pin: string;
    field: string;
    missing: () => R;
    prepare: () => P;
    then: (tx: Tx, row: CoordinatorRow, prepared: P) => Promise<R>;
  }) {
    const now = context.now();
    for (let tries = 0; tries < COUNT_RETRIES; tries++) {
      const row = await context.store.read(attempt.load);
      if (!row) return attempt.missing();
      if (await waitingNow(row.id, now.getTime())) return invalid([issue([attempt.field], 'too_many_attempts')]);
      const matches = isPinShaped(attempt.pin) && pinMatches(row, attempt.pin);
      const prepared = matches ? { value: attempt.prepare() } : null;
      const outcome = await context.store.transaction(async (tx) => {
        const stored = await attempt.load(tx);
        if (!stored) return attempt.missing();
        if (stored.pin_salt !== row.pin_salt || stored.pin_hash !== row.pin_hash) return STALE;
        // A wrong PIN is always refused here, so `prepared` is there when `then` runs.
        const refused = await settlePin(tx, row, prepared !== null, attempt.field, now);
        return refused ?? attempt.then(tx, row, prepared!.value);
      });
      if (outcome !== STALE) return outcome;
    }
    throw new Error('The PIN of a coordinator kept changing while one was checked.');
  }

  /** The signed-in coordinator's active profile, or null. */
  const signedIn = async (tx: Repositories, session: CoordinatorSession): Promise<CoordinatorProfile | null> => {
    const current = session.current;
    if (!current) return null;
    const row = await tx.coordinators.byId(current.id);
    return row ? profileOf(row) : null;
  };

  /** May this session add a profile: the first one, or by an admin signed in (the app shows the sign-in screen
   * otherwise): a refusal, or null. */
  const refuseToAdd = async (tx: Repositories, session: CoordinatorSession) => {
    if ((await tx.coordinators.activeCount()) === 0) return null;
    if ((await signedIn(tx, session)) === null)
      return fail('forbidden', 'Sign in to add a coordinator.', [issue(['name'], 'not_signed_in')]);
    return refuseUnlessAdmin(tx, session, 'enrolment', 'role');
  };

  const handlers = {
    async listCoordinators() {
      const session = context.session;
      return context.store.read(async (tx) =>
        ok({ coordinators: (await tx.coordinators.active()).map(profileOf), signedIn: await signedIn(tx, session) }),
      );
    },

    async addCoordinator({ name, pin, role }) {
      const session = context.session;
      // Asked before the hash is made, so a refusal costs nothing; asked again where the profile is written.
      const refusal = await context.store.read(async (tx) => {
        const refused = await refuseToAdd(tx, session);
        if (refused) return refused;
        if (await tx.coordinators.nameTaken(name)) return invalid([issue(['name'], 'name_taken')]);
        return null;
      });
      if (refusal) return refusal;
      const { salt, hash } = newPinHash(pin);
      return context.store.transaction(async (tx) => {
        const refused = await refuseToAdd(tx, session);
        if (refused) return refused;
        if (await tx.coordinators.nameTaken(name)) return invalid([issue(['name'], 'name_taken')]);
        const isFirst = (await tx.coordinators.activeCount()) === 0;
        const row: CoordinatorRow = {
          id: context.newId(),
          display_name: name,
          pin_salt: salt,
          pin_hash: hash,
          created_at: context.now().toISOString(),
          role: roleOfNewProfile(isFirst, role),
        };
        await tx.audit.record('settings.save', null, ['coordinators']);
        await tx.coordinators.insert(row);
        // The first profile is signed in at once, in the transaction that makes it.
        if (!(await signedIn(tx, session))) await signInAs(tx, session, row);
        return ok(profileOf(row));
      });
    },

    async signIn({ coordinatorId, pin }) {
      const session = context.session;
      return withPin({
        load: (tx) => tx.coordinators.byId(coordinatorId),
        pin,
        field: 'pin',
        missing: () => fail('not_found', `No coordinator with id ${coordinatorId}.`, [issue(['coordinatorId'], 'invalid')]),
        prepare: () => undefined,
        then: async (tx, row) => {
          await signInAs(tx, session, row);
          return ok(profileOf(row));
        },
      });
    },

    async signOut() {
      const session = context.session;
      if (session.current) {
        await context.store.transaction(async (tx) => {
          const leaving = session.current;
          if (!leaving) return;
          await tx.audit.record('coordinator.signout', null, [], leaving.name);
          session.lockedFrom = leaving;
          session.current = null;
        });
      }
      return ok({ signedOut: true as const });
    },

    async changePin({ currentPin, newPin }) {
      const session = context.session;
      const notSignedIn = () => fail('forbidden', 'Sign in to change your PIN.', [issue(['currentPin'], 'not_signed_in')]);
      return withPin({
        load: async (tx) => {
          const current = await signedIn(tx, session);
          return current ? tx.coordinators.byId(current.id) : undefined;
        },
        pin: currentPin,
        field: 'currentPin',
        missing: notSignedIn,
        // The new PIN's hash, only once the current one is right.
        prepare: () => newPinHash(newPin),
        then: async (tx, row, { salt, hash }) => {
          if (!(await tx.coordinators.setPin(row.id, salt, hash))) return notSignedIn();
          await tx.audit.record('settings.save', null, ['coordinators.pin']);
          return ok({ changed: true as const });
        },
      });
    },
  } satisfies Pick<Handlers, 'listCoordinators' | 'addCoordinator' | 'signIn' | 'signOut' | 'changePin'>;

  /** Signs `row` in to `session`, inside the transaction that logs it. */
  async function signInAs(tx: Tx, session: CoordinatorSession, row: CoordinatorRow): Promise<void> {
    // A switch of profile: the one leaving signs out in the log, the one arriving signs in under their own name.
    const leaving = session.current;
    if (leaving && leaving.id !== row.id) await tx.audit.record('coordinator.signout', null, [], leaving.name);
    await tx.audit.record('coordinator.signin', null, [], row.display_name);
    session.current = { id: row.id, name: row.display_name };
    session.lockedFrom = null;
  }

  return handlers;
}

/**
 * A new PIN for a profile without its current one: for the CLI only (`coordinators reset-pin`), which holds the
 * database key, when a coordinator forgot theirs. Never a channel: the app and the preview cannot reach it.
 */
export async function resetCoordinatorPin(context: ServiceContext, coordinatorId: string, pin: string) {
  const notFound = () => fail('not_found', `No coordinator with id ${coordinatorId}.`, [issue(['coordinatorId'], 'invalid')]);
  const row = await context.store.read((tx) => tx.coordinators.byId(coordinatorId));
  if (!row) return notFound();
  if (!pinSchema.safeParse(pin).success) return invalid([issue(['pin'], 'invalid_pin')]);
  const { salt, hash } = newPinHash(pin);
  return context.store.transaction(async (tx) => {
    // Disabled since it was read: nothing changed, nothing logged.
    if (!(await tx.coordinators.setPin(row.id, salt, hash))) return notFound();
    await tx.audit.record('settings.save', null, ['coordinators.pin']);
    return ok(profileOf(row));
  });
}
