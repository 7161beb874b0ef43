// Coordinator profiles over the real services, on the SQLite file and on PostgreSQL: the PIN is stored only as a salted scrypt
// hash, sign-in names the coordinator in the audit log, wrong PINs are refused beside the field, each one an audit
// entry, counted in the database (a restart does not clear them) and, from the fifth in a row, wait 30 seconds on
// the service clock, doubling up to an hour; bad input changes nothing.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import type { Dispatch } from '../../../src/main/services/dispatch';
import {
  afterWrongPin,
  FRESH_THROTTLE,
  IDLE_LOCK_MINUTES,
  isPinShaped,
  MAX_WRONG_PIN_WAIT_MS,
  MAX_WRONG_PINS,
  pinSchema,
  waitAfter,
  waitLeft,
  WRONG_PIN_WAIT_MS,
} from '../../../src/shared/domain/coordinators/coordinator-pin';
import type { Store, Tx } from '../../../src/main/db/store/store';
import { createCoordinatorsService, resetCoordinatorPin } from '../../../src/main/services/coordinators-service';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-24T01:00:00Z');
  services = await openTestServices(() => clock);
});
afterEach(() => services.dispose());

const send: Dispatch = (channel, input) => services.dispatch(channel, input);
async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await send(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}
const rows = () => services.sql.all<Record<string, string>>('SELECT * FROM coordinator_profiles ORDER BY display_name');
/** Whom the audit log would name now (in the services' own session). */
const actor = () => services.context.store.read((tx) => services.context.actor(tx));
const pinFailures = () =>
  services.sql.all<{ actor: string; fields_json: string }>(
    "SELECT actor, fields_json FROM audit_log WHERE action = 'coordinator.pin_failed' ORDER BY seq",
  );
const lastActor = () =>
  services.sql.get<{ actor: string; action: string }>('SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT 1');

describe('PIN rules (pure)', () => {
  it('take 6 to 8 digits for a new PIN; 4 and 5 only at sign-in, for profiles made before', () => {
    for (const good of ['000000', '123456', '12345678']) expect(pinSchema.safeParse(good).success).toBe(true);
    for (const bad of ['1234', '12345', '123456789', '12a456', ' 123456', '１２３４５６', ''])
      expect(pinSchema.safeParse(bad).success).toBe(false);
    for (const shaped of ['1234', '12345', '123456', '12345678']) expect(isPinShaped(shaped)).toBe(true);
    for (const unshaped of ['123', '123456789', '12a4']) expect(isPinShaped(unshaped)).toBe(false);
  });

  it('wait 30 s after the fifth wrong PIN in a row, then twice as long after each further one, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 100].map((wrong) => waitAfter(wrong) / 1000)).toEqual([
      0, 0, 0, 0, 30, 60, 120, 240, 1920, 3600, 3600, 3600,
    ]);
    expect(MAX_WRONG_PIN_WAIT_MS).toBe(3_600_000);
    let throttle = FRESH_THROTTLE;
    for (let i = 1; i < MAX_WRONG_PINS; i++) throttle = afterWrongPin(throttle, 1000);
    expect(waitLeft(throttle, 1000)).toBe(0);
    throttle = afterWrongPin(throttle, 1000);
    expect(waitLeft(throttle, 1000)).toBe(WRONG_PIN_WAIT_MS);
    expect(waitLeft(throttle, 1000 + WRONG_PIN_WAIT_MS)).toBe(0);
    // The count runs on until a right PIN: the next wrong one waits twice as long.
    throttle = afterWrongPin(throttle, 1000 + WRONG_PIN_WAIT_MS);
    expect(throttle.wrong).toBe(MAX_WRONG_PINS + 1);
    expect(waitLeft(throttle, 1000 + WRONG_PIN_WAIT_MS)).toBe(2 * WRONG_PIN_WAIT_MS);
  });
});

describe('coordinator profiles', () => {
  it('store a salted scrypt hash, never the PIN; the first profile is signed in and named in the audit log', async () => {
    const park = await call('addCoordinator', { name: ' Park Ji-won ', pin: '482913' });
    expect(park.name).toBe('Park Ji-won');
    const [row] = await rows();
    expect(row!.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.pin_salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(await rows())).not.toContain('482913');
    const listed = await call('listCoordinators', {});
    expect(listed.signedIn?.id).toBe(park.id);
    expect(await lastActor()).toEqual({ actor: 'Park Ji-won', action: 'coordinator.signin' });
    expect(await call('getCoordinator', {})).toEqual({ name: 'Park Ji-won', fallback: '' });
  });

  it('give two profiles with the same PIN different hashes', async () => {
    await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('addCoordinator', { name: 'Lee Min-ho', pin: '111111' });
    const [a, b] = await rows();
    expect(a!.pin_hash).not.toBe(b!.pin_hash);
    expect(a!.pin_salt).not.toBe(b!.pin_salt);
  });

  it('refuse a bad PIN or a taken name with an issue on the field, and change nothing', async () => {
    await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    const before = JSON.stringify(await rows());
    for (const pin of ['123', '123456789', 'abcd', 1234]) {
      // The raw entry: a PIN sent as a number is a payload the contract refuses, not one the types allow.
      const result = await services.dispatchRaw('addCoordinator', { name: 'Kim', pin });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ path: ['pin'], code: 'invalid_pin' })]);
    }
    const taken = await send('addCoordinator', { name: 'Park Ji-won', pin: '222222' });
    expect(!taken.ok && taken.error.issues[0]).toMatchObject({ path: ['name'], code: 'name_taken' });
    expect(JSON.stringify(await rows())).toBe(before);
  });

  it('sign in with the right PIN, switch profiles, sign out; the log follows who is signed in', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    const lee = await call('addCoordinator', { name: 'Lee Min-ho', pin: '222222' });
    const wrong = await send('signIn', { coordinatorId: lee.id, pin: '111111' });
    expect(!wrong.ok && wrong.error.issues).toEqual([expect.objectContaining({ path: ['pin'], code: 'wrong_pin' })]);
    expect(await actor()).toBe('Park Ji-won');
    await call('signIn', { coordinatorId: lee.id, pin: '222222' });
    expect(await lastActor()).toEqual({ actor: 'Lee Min-ho', action: 'coordinator.signin' });
    expect(await actor()).toBe('Lee Min-ho');
    await call('signOut', {});
    expect(await lastActor()).toEqual({ actor: 'Lee Min-ho', action: 'coordinator.signout' });
    // Nobody signed in: the older setting, else "unknown".
    expect(await actor()).toBe('unknown');
    await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Front desk', clock.toISOString()));
    expect(await actor()).toBe('Front desk');
    // Adding a profile now needs someone signed in.
    const refused = await send('addCoordinator', { name: 'Kim', pin: '333333' });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    await call('signIn', { coordinatorId: park.id, pin: '111111' });
    expect(await actor()).toBe('Park Ji-won');
  });

  it('make a profile wait 30 seconds after 5 wrong PINs, by the service clock, even for the right PIN', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('signOut', {});
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await send('signIn', { coordinatorId: park.id, pin: '999999' });
      codes.push(result.ok ? 'ok' : result.error.issues[0]!.code);
    }
    expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'too_many_attempts']);
    clock = new Date(clock.getTime() + 29_000);
    const waiting = await send('signIn', { coordinatorId: park.id, pin: '111111' });
    expect(!waiting.ok && waiting.error.issues[0]).toMatchObject({ path: ['pin'], code: 'too_many_attempts' });
    expect(services.context.session.current).toBeNull();
    clock = new Date(clock.getTime() + 1_000);
    expect(await call('signIn', { coordinatorId: park.id, pin: '111111' })).toMatchObject({ id: park.id });
  });

  it('count wrong PINs in the database: a restart neither clears the wait nor the count, and the waits grow', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('signOut', {});
    for (let i = 0; i < 5; i++) await send('signIn', { coordinatorId: park.id, pin: '999999' });
    const reopen = async () => {
      services = await services.reopen();
    };
    await reopen();
    const stillWaiting = await send('signIn', { coordinatorId: park.id, pin: '111111' });
    expect(!stillWaiting.ok && stillWaiting.error.issues[0]).toMatchObject({ code: 'too_many_attempts' });
    // The sixth wrong PIN in a row, after the first wait, waits 60 s; after a restart, still 60 s.
    clock = new Date(clock.getTime() + 30_000);
    expect(await send('signIn', { coordinatorId: park.id, pin: '999999' })).toMatchObject({ ok: false });
    await reopen();
    clock = new Date(clock.getTime() + 59_000);
    expect(await send('signIn', { coordinatorId: park.id, pin: '111111' })).toMatchObject({ ok: false });
    clock = new Date(clock.getTime() + 1_000);
    expect(await call('signIn', { coordinatorId: park.id, pin: '111111' })).toMatchObject({ id: park.id });
    // A right PIN starts the count again.
    await call('signOut', {});
    const again = await send('signIn', { coordinatorId: park.id, pin: '999999' });
    expect(!again.ok && again.error.issues[0]).toMatchObject({ code: 'wrong_pin' });
  });

  it('log every wrong PIN in the audit log, named for the profile it was typed for; a try during the wait is not one', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('addCoordinator', { name: 'Lee Min-ho', pin: '222222' });
    expect(await send('changePin', { currentPin: '000000', newPin: '24682468' })).toMatchObject({ ok: false });
    await call('signOut', {});
    for (let i = 0; i < 6; i++) await send('signIn', { coordinatorId: park.id, pin: '999999' });
    const failures = await pinFailures();
    // One from changePin, four at sign-in (the fifth wrong PIN in a row started the wait); the last two tries came
    // during the wait and checked nothing.
    expect(failures).toEqual([
      { actor: 'Park Ji-won', fields_json: '["currentPin"]' },
      ...Array.from({ length: 4 }, () => ({ actor: 'Park Ji-won', fields_json: '["pin"]' })),
    ]);
    expect((await services.context.store.read((tx) => tx.audit.verify())).firstBroken).toBeNull();
  });

  it('still sign in a profile whose PIN was set with 4 digits before 6 were needed', async () => {
    const salt = randomBytes(16);
    const hash = scryptSync('4829', salt, 32, { N: 16384, r: 8, p: 1 });
    await services.context.store.transaction((tx) =>
      tx.coordinators.insert({
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        display_name: 'Choi Yu-na',
        pin_salt: salt.toString('hex'),
        pin_hash: hash.toString('hex'),
        created_at: clock.toISOString(),
        role: 'coordinator',
      }),
    );
    expect(await call('signIn', { coordinatorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', pin: '4829' })).toMatchObject({
      name: 'Choi Yu-na',
    });
    // Its next PIN needs 6 digits.
    const short = await send('changePin', { currentPin: '4829', newPin: '1357' });
    expect(!short.ok && short.error.issues[0]).toMatchObject({ path: ['newPin'], code: 'invalid_pin' });
    await call('changePin', { currentPin: '4829', newPin: '135790' });
  });

  it("change the signed-in coordinator's PIN only with the current one", async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    const before = JSON.stringify(await rows());
    const wrong = await send('changePin', { currentPin: '000000', newPin: '24682468' });
    expect(!wrong.ok && wrong.error.issues[0]).toMatchObject({ path: ['currentPin'], code: 'wrong_pin' });
    const bad = await send('changePin', { currentPin: '111111', newPin: '12' });
    expect(!bad.ok && bad.error.issues[0]).toMatchObject({ path: ['newPin'], code: 'invalid_pin' });
    expect(JSON.stringify(await rows())).toBe(before);
    await call('changePin', { currentPin: '111111', newPin: '24682468' });
    await call('signOut', {});
    expect((await send('signIn', { coordinatorId: park.id, pin: '111111' })).ok).toBe(false);
    expect((await send('signIn', { coordinatorId: park.id, pin: '24682468' })).ok).toBe(true);
  });
});

describe('wrong PINs and profiles at the same time', () => {
  it('count every wrong PIN typed at once, in the transaction that logs it: the fifth starts the wait, later ones are refused unchecked', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('signOut', {});
    const results = await Promise.all(Array.from({ length: 7 }, () => send('signIn', { coordinatorId: park.id, pin: '999999' })));
    const codes = results.map((result) => (result.ok ? 'ok' : result.error.issues[0]!.code));
    expect(codes.filter((code) => code === 'wrong_pin')).toHaveLength(4);
    expect(codes.filter((code) => code === 'too_many_attempts')).toHaveLength(3);
    // Five counted and logged, as one after the other would be; the two that came during the wait checked nothing.
    expect(await pinFailures()).toHaveLength(5);
    expect(await services.context.store.read((tx) => tx.pinAttempts.throttleOf(park.id))).toMatchObject({ wrong: 5 });
  });

  it('write a wrong PIN only over the count it was read with (a stale count writes nothing)', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    const attempts = <T>(work: (tx: Tx) => Promise<T>) => services.context.store.transaction(work);
    const at = clock.toISOString();
    const one = afterWrongPin(FRESH_THROTTLE, clock.getTime());
    expect(await attempts((tx) => tx.pinAttempts.recordFailure(park.id, FRESH_THROTTLE, one, at))).toBe(true);
    // Another writer read the count before this one was written: its write is refused, the count kept.
    expect(await attempts((tx) => tx.pinAttempts.recordFailure(park.id, FRESH_THROTTLE, one, at))).toBe(false);
    expect(await attempts((tx) => tx.pinAttempts.recordFailure(park.id, one, afterWrongPin(one, clock.getTime()), at))).toBe(true);
    expect(await attempts((tx) => tx.pinAttempts.throttleOf(park.id))).toMatchObject({ wrong: 2 });
  });

  it('make one first profile when two are added at once before any exists', async () => {
    const [a, b] = await Promise.all([
      services.dispatchIn(newCoordinatorSession(), 'addCoordinator', { name: 'Park Ji-won', pin: '111111' }),
      services.dispatchIn(newCoordinatorSession(), 'addCoordinator', { name: 'Lee Min-ho', pin: '222222' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(a.ok ? b : a).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rows()).toHaveLength(1);
  });

  it('check a PIN again when it was reset after it was hashed: the old PIN no longer signs in', async () => {
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    await call('signOut', {});
    const { context } = services;
    // The CLI resets the PIN just before the sign-in's transaction begins.
    let resetDone = false;
    const store: Store = {
      ...context.store,
      async transaction(work) {
        if (!resetDone) {
          resetDone = true;
          expect(await resetCoordinatorPin(context, park.id, '246813')).toMatchObject({ ok: true });
        }
        return context.store.transaction(work);
      },
    };
    const coordinators = createCoordinatorsService({ ...context, store });
    expect(await coordinators.signIn({ coordinatorId: park.id, pin: '111111' })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'wrong_pin' }] },
    });
    expect(context.session.current).toBeNull();
    expect(await coordinators.signIn({ coordinatorId: park.id, pin: '246813' })).toMatchObject({ ok: true });
  });

  it('set no PIN for a profile that is not there, and log nothing', async () => {
    const before = JSON.stringify(await rows());
    expect(await resetCoordinatorPin(services.context, '7c9e6679-7425-40de-944b-e07fc1f90ae7', '246813')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await services.context.store.transaction((tx) =>
        tx.coordinators.setPin('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'a'.repeat(32), 'b'.repeat(64)),
      ),
    ).toBe(false);
    expect(JSON.stringify(await rows())).toBe(before);
    expect(await services.sql.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 0 });
  });
});

describe('the sign-in gate of the app and the preview', () => {
  it('serves nothing of the patients with no profiles; with profiles, only signing in (and a locked session’s draft) until someone is', async () => {
    services = await services.reopen({ requireSignIn: true });
    const first = await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 });
    expect(!first.ok && first.error).toMatchObject({ code: 'forbidden', issues: [expect.objectContaining({ code: 'no_coordinators' })] });
    const park = await call('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
    expect((await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).ok).toBe(true);
    await call('signOut', {});
    const refused = await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'forbidden', issues: [expect.objectContaining({ code: 'not_signed_in' })] });
    expect((await send('getPatient', { id: park.id })).ok).toBe(false);
    expect((await send('verifyAuditChain', {})).ok).toBe(false);
    expect((await send('listCoordinators', {})).ok).toBe(true);
    expect((await send('getClinicSettings', {})).ok).toBe(true);
    expect((await send('saveDraft', { key: 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', label: 'x', baseVersion: null, form: {} })).ok).toBe(
      true,
    );
    await call('signIn', { coordinatorId: park.id, pin: '111111' });
    expect((await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).ok).toBe(true);
  });

  it('locks an idle session once, however many of its calls arrive at once, and serves none of them', async () => {
    services = await services.reopen({ requireSignIn: true });
    const browser = newCoordinatorSession();
    expect((await services.dispatchIn(browser, 'addCoordinator', { name: 'Park Ji-won', pin: '111111' })).ok).toBe(true);
    clock = new Date(clock.getTime() + IDLE_LOCK_MINUTES.default * 60_000);
    const results = await Promise.all(
      Array.from({ length: 3 }, () => services.dispatchIn(browser, 'searchPatients', { query: '', tripStatus: 'all', limit: 10 })),
    );
    expect(results.map((result) => (result.ok ? 'served' : result.error.issues[0]?.code))).toEqual([
      'not_signed_in',
      'not_signed_in',
      'not_signed_in',
    ]);
    expect(browser.current).toBeNull();
    expect(browser.lockedFrom?.name).toBe('Park Ji-won');
    const signOuts = await services.sql.all<{ actor: string; fields_json: string }>(
      "SELECT actor, fields_json FROM audit_log WHERE action = 'coordinator.signout'",
    );
    expect(signOuts).toEqual([{ actor: 'Park Ji-won', fields_json: '["idle"]' }]);
  });
});
