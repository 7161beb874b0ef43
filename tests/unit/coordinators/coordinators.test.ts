// Coordinator profiles over the real services and a real SQLite file: the PIN is stored only as a salted scrypt
// hash, sign-in names the coordinator in the audit log, wrong PINs are refused beside the field and, after five in
// a row, wait 30 seconds on the service clock; bad input changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/contract';
import type { CoordinatorProfile } from '../../../src/shared/contract/coordinators';
import { afterWrongPin, FRESH_THROTTLE, MAX_WRONG_PINS, pinSchema, waitLeft, WRONG_PIN_WAIT_MS } from '../../../src/shared/domain/coordinators/coordinator-pin';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { TEST_KEY } from '../../support/test-key';

let folder: string;
let services: OpenServices;
let clock: Date;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-coordinators-'));
  clock = new Date('2026-11-24T01:00:00Z');
  services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, now: () => clock });
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

const send = <T>(channel: string, payload: unknown) => services.dispatch(channel, payload) as Promise<Result<T>>;
async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await send<T>(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}
const rows = () => services.context.db.prepare('SELECT * FROM coordinator_profiles ORDER BY display_name').all() as Record<string, string>[];
const lastActor = () => services.context.db.prepare<[], { actor: string; action: string }>('SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT 1').get();

describe('PIN rules (pure)', () => {
  it('take 4 to 8 digits only', () => {
    for (const good of ['0000', '1234', '12345678']) expect(pinSchema.safeParse(good).success).toBe(true);
    for (const bad of ['123', '123456789', '12a4', ' 1234', '１２３４', '']) expect(pinSchema.safeParse(bad).success).toBe(false);
  });

  it('make a profile wait 30 s after the fifth wrong PIN in a row', () => {
    let throttle = FRESH_THROTTLE;
    for (let i = 1; i < MAX_WRONG_PINS; i++) throttle = afterWrongPin(throttle, 1000);
    expect(waitLeft(throttle, 1000)).toBe(0);
    throttle = afterWrongPin(throttle, 1000);
    expect(waitLeft(throttle, 1000)).toBe(WRONG_PIN_WAIT_MS);
    expect(waitLeft(throttle, 1000 + WRONG_PIN_WAIT_MS)).toBe(0);
    expect(throttle.wrong).toBe(0);
  });
});

describe('coordinator profiles', () => {
  it('store a salted scrypt hash, never the PIN; the first profile is signed in and named in the audit log', async () => {
    const park = await call<CoordinatorProfile>('addCoordinator', { name: ' Park Ji-won ', pin: '482913' });
    expect(park.name).toBe('Park Ji-won');
    const [row] = rows();
    expect(row!.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.pin_salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows())).not.toContain('482913');
    const listed = await call<{ coordinators: CoordinatorProfile[]; signedIn: CoordinatorProfile | null }>('listCoordinators', {});
    expect(listed.signedIn?.id).toBe(park.id);
    expect(lastActor()).toEqual({ actor: 'Park Ji-won', action: 'coordinator.signin' });
    expect(await call('getCoordinator', {})).toEqual({ name: 'Park Ji-won', fallback: '' });
  });

  it('give two profiles with the same PIN different hashes', async () => {
    await call('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    await call('addCoordinator', { name: 'Lee Min-ho', pin: '1111' });
    const [a, b] = rows();
    expect(a!.pin_hash).not.toBe(b!.pin_hash);
    expect(a!.pin_salt).not.toBe(b!.pin_salt);
  });

  it('refuse a bad PIN or a taken name with an issue on the field, and change nothing', async () => {
    await call('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    const before = JSON.stringify(rows());
    for (const pin of ['123', '123456789', 'abcd', 1234]) {
      const result = await send('addCoordinator', { name: 'Kim', pin });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ path: ['pin'], code: 'invalid_pin' })]);
    }
    const taken = await send('addCoordinator', { name: 'Park Ji-won', pin: '2222' });
    expect(!taken.ok && taken.error.issues[0]).toMatchObject({ path: ['name'], code: 'name_taken' });
    expect(JSON.stringify(rows())).toBe(before);
  });

  it('sign in with the right PIN, switch profiles, sign out; the log follows who is signed in', async () => {
    const park = await call<CoordinatorProfile>('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    const lee = await call<CoordinatorProfile>('addCoordinator', { name: 'Lee Min-ho', pin: '2222' });
    const wrong = await send('signIn', { coordinatorId: lee.id, pin: '1111' });
    expect(!wrong.ok && wrong.error.issues).toEqual([expect.objectContaining({ path: ['pin'], code: 'wrong_pin' })]);
    expect(services.context.actor()).toBe('Park Ji-won');
    await call('signIn', { coordinatorId: lee.id, pin: '2222' });
    expect(lastActor()).toEqual({ actor: 'Lee Min-ho', action: 'coordinator.signin' });
    expect(services.context.actor()).toBe('Lee Min-ho');
    await call('signOut', {});
    expect(lastActor()).toEqual({ actor: 'Lee Min-ho', action: 'coordinator.signout' });
    // Nobody signed in: the older setting, else "unknown".
    expect(services.context.actor()).toBe('unknown');
    services.context.plans.putSetting(COORDINATOR_SETTING, 'Front desk', clock.toISOString());
    expect(services.context.actor()).toBe('Front desk');
    // Adding a profile now needs someone signed in.
    const refused = await send('addCoordinator', { name: 'Kim', pin: '3333' });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    await call('signIn', { coordinatorId: park.id, pin: '1111' });
    expect(services.context.actor()).toBe('Park Ji-won');
  });

  it('make a profile wait 30 seconds after 5 wrong PINs, by the service clock, even for the right PIN', async () => {
    const park = await call<CoordinatorProfile>('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    await call('signOut', {});
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await send('signIn', { coordinatorId: park.id, pin: '9999' });
      codes.push(result.ok ? 'ok' : result.error.issues[0]!.code);
    }
    expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'too_many_attempts']);
    clock = new Date(clock.getTime() + 29_000);
    const waiting = await send('signIn', { coordinatorId: park.id, pin: '1111' });
    expect(!waiting.ok && waiting.error.issues[0]).toMatchObject({ path: ['pin'], code: 'too_many_attempts' });
    expect(services.context.session.current).toBeNull();
    clock = new Date(clock.getTime() + 1_000);
    expect(await call<CoordinatorProfile>('signIn', { coordinatorId: park.id, pin: '1111' })).toMatchObject({ id: park.id });
  });

  it('change the signed-in coordinator\'s PIN only with the current one', async () => {
    const park = await call<CoordinatorProfile>('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    const before = JSON.stringify(rows());
    const wrong = await send('changePin', { currentPin: '0000', newPin: '24682468' });
    expect(!wrong.ok && wrong.error.issues[0]).toMatchObject({ path: ['currentPin'], code: 'wrong_pin' });
    const bad = await send('changePin', { currentPin: '1111', newPin: '12' });
    expect(!bad.ok && bad.error.issues[0]).toMatchObject({ path: ['newPin'], code: 'invalid_pin' });
    expect(JSON.stringify(rows())).toBe(before);
    await call('changePin', { currentPin: '1111', newPin: '24682468' });
    await call('signOut', {});
    expect((await send('signIn', { coordinatorId: park.id, pin: '1111' })).ok).toBe(false);
    expect((await send('signIn', { coordinatorId: park.id, pin: '24682468' })).ok).toBe(true);
  });
});

describe('the sign-in gate of the app and the preview', () => {
  it('serves everything with no profiles; with profiles, only signing in (and saving a draft) until someone is', async () => {
    services.close();
    services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, now: () => clock, requireSignIn: true });
    expect((await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).ok).toBe(true);
    const park = await call<CoordinatorProfile>('addCoordinator', { name: 'Park Ji-won', pin: '1111' });
    expect((await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).ok).toBe(true);
    await call('signOut', {});
    const refused = await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'forbidden', issues: [expect.objectContaining({ code: 'not_signed_in' })] });
    expect((await send('getPatient', { id: park.id })).ok).toBe(false);
    expect((await send('verifyAuditChain', {})).ok).toBe(false);
    expect((await send('listCoordinators', {})).ok).toBe(true);
    expect((await send('getClinicSettings', {})).ok).toBe(true);
    expect((await send('saveDraft', { key: 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', label: 'x', baseVersion: null, form: {} })).ok).toBe(true);
    await call('signIn', { coordinatorId: park.id, pin: '1111' });
    expect((await send('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).ok).toBe(true);
  });
});
