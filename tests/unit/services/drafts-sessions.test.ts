// Drafts under sign-in: the first save of each draft in a session is audited (not every save), and each
// coordinator keeps at most MAX_DRAFTS_PER_COORDINATOR unsaved intakes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import type { Result } from '../../../src/shared/contract';
import { MAX_DRAFTS_PER_COORDINATOR } from '../../../src/shared/contract/drafts';
import { fixtureIntake } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
beforeEach(async () => {
  services = await openTestServices(undefined, { requireSignIn: true });
});
afterEach(() => services.dispose());

const draftKey = (n: number) => `new:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const draft = (key: string) => ({ key, label: 'Nguyen', baseVersion: null, form: { latinName: 'Nguyen' } });
const draftEntries = () =>
  services.sql.all<{ actor: string; patient_id: string | null }>(
    "SELECT actor, patient_id FROM audit_log WHERE action = 'draft.save' ORDER BY seq",
  );
async function idOf(name: string): Promise<string> {
  const list = await services.dispatch('listCoordinators', {});
  const found = list.ok ? list.value.coordinators.find((profile) => profile.name === name) : undefined;
  if (!found) throw new Error(`no profile ${name}`);
  return found.id;
}
const issueOf = (result: Result<unknown>) =>
  result.ok ? 'ok' : `${result.error.issues[0]?.path.join('.')}:${result.error.issues[0]?.code}`;

describe('drafts under sign-in', () => {
  it('audits the first save of a draft per record per session, under who typed it', async () => {
    const park = newCoordinatorSession();
    expect((await services.dispatchIn(park, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' })).ok).toBe(true);
    // The patient's id given, since what dispatchIn (the door's raw entry) answers is unknown to the types.
    const patientId = '5b1f2f0e-6a3c-4d8e-9b7a-2c4d6e8f0a1b';
    expect((await services.dispatchIn(park, 'createPatient', { patient: { ...fixtureIntake('en'), id: patientId } })).ok).toBe(true);

    for (let save = 0; save < 3; save += 1) expect((await services.dispatchIn(park, 'saveDraft', draft(draftKey(1)))).ok).toBe(true);
    await services.dispatchIn(park, 'saveDraft', { ...draft(patientId), baseVersion: 1 });
    await services.dispatchIn(park, 'saveDraft', { ...draft(patientId), baseVersion: 1 });
    expect(await draftEntries()).toEqual([
      { actor: 'Park Ji-won', patient_id: null },
      { actor: 'Park Ji-won', patient_id: patientId },
    ]);

    // Another session (another browser, signed in as Park) is logged again for the same draft.
    const again = newCoordinatorSession();
    expect((await services.dispatchIn(again, 'signIn', { coordinatorId: await idOf('Park Ji-won'), pin: '482913' })).ok).toBe(true);
    await services.dispatchIn(again, 'saveDraft', draft(draftKey(1)));
    expect(await draftEntries()).toHaveLength(3);
  });

  it(`keeps at most ${MAX_DRAFTS_PER_COORDINATOR} drafts per coordinator; the kept ones still save, and others are not held back`, async () => {
    const park = newCoordinatorSession();
    await services.dispatchIn(park, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' });
    for (let n = 0; n < MAX_DRAFTS_PER_COORDINATOR; n += 1)
      expect(issueOf(await services.dispatchIn(park, 'saveDraft', draft(draftKey(n))))).toBe('ok');
    expect(issueOf(await services.dispatchIn(park, 'saveDraft', draft(draftKey(1000))))).toBe('key:too_many_drafts');
    expect(issueOf(await services.dispatchIn(park, 'saveDraft', draft(draftKey(0))))).toBe('ok');

    // Locked, Park's typing is still Park's, and still capped.
    await services.dispatchIn(park, 'signOut', {});
    expect(issueOf(await services.dispatchIn(park, 'saveDraft', draft(draftKey(1))))).toBe('ok');
    expect(issueOf(await services.dispatchIn(park, 'saveDraft', draft(draftKey(1001))))).toBe('key:too_many_drafts');

    // Lee, added by Park (signed in again in another session), has room of their own.
    const admin = newCoordinatorSession();
    expect((await services.dispatchIn(admin, 'signIn', { coordinatorId: await idOf('Park Ji-won'), pin: '482913' })).ok).toBe(true);
    expect((await services.dispatchIn(admin, 'addCoordinator', { name: 'Lee Min-ho', pin: '735162' })).ok).toBe(true);
    const lee = newCoordinatorSession();
    expect((await services.dispatchIn(lee, 'signIn', { coordinatorId: await idOf('Lee Min-ho'), pin: '735162' })).ok).toBe(true);
    expect(issueOf(await services.dispatchIn(lee, 'saveDraft', draft(draftKey(2000))))).toBe('ok');
  });
});
