// The idle lock on a shared clinic PC: after the clinic's idle time (Playwright's clock moves it on) the screen
// locks and no patient data stays in the page; a wrong PIN is refused beside the field; the right PIN unlocks and
// the half-typed intake is still there. The lock-now button locks at once, and another coordinator can sign in
// instead (the audit log then names them). Screenshots and axe on the lock screen.
import type { ClinicSettings } from '../../src/shared/domain/settings/clinic-settings';
import { IDLE_LOCK_MINUTES } from '../../src/shared/domain/coordinators/coordinator-pin';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { eitherLanguage, issueText } from './support/ui-text';
import { fixtureIntake } from '../support/temp-services';

const HALF_TYPED = 'Nguyễn Thị Ho';

// These tests make the clinic's profiles themselves, from none.
test.use({ coordinator: null });

test('the screen locks when idle, hides the patients, refuses a wrong PIN and unlocks with the right one', async ({
  page,
  app,
}, testInfo) => {
  const park = await callService(app, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' });
  const lee = await callService(app, 'addCoordinator', { name: 'Lee Min-ho', pin: '735162' });
  const patient = await callService(app, 'createPatient', { patient: fixtureIntake('en') });
  const patientName = patient.patient.names.latin;
  const settings: ClinicSettings = await callService(app, 'getClinicSettings', {});
  await callService(app, 'saveClinicSettings', { settings: { ...settings, idleLockMinutes: IDLE_LOCK_MINUTES.min } });

  await page.clock.install();
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  const lockScreen = page.locator('[data-lock-screen]');
  const pin = page.locator('[name="lock-pin"]');
  const pinError = page.locator('[data-error-for="lock-pin"]');

  await list.goto();
  await expect(page.locator('main')).toContainText(patientName);
  await expect(page.locator('[data-signed-in]')).toHaveText('Park Ji-won');

  // Half an intake typed, then the coordinator walks away.
  await list.newPatient();
  await intake.waitUntilReady();
  await intake.control('latinName').fill(HALF_TYPED);
  await page.clock.fastForward('00:59');
  await expect(lockScreen).toHaveCount(0);
  await page.clock.fastForward('00:02');

  await expect(lockScreen).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eitherLanguage('lock.lockedTitle'));
  // Nothing of the screen behind: not shown, not in the DOM, so not read by a screen reader either.
  const html = await page.content();
  expect(html).not.toContain(patientName);
  expect(html).not.toContain(HALF_TYPED);
  await expect(page.locator('#intake-form, .topbar')).toHaveCount(0);
  await expect(pin).toBeFocused();
  // Locked is signed out in the services too: another tab, or a page that skips the lock, gets nothing.
  const search = await app.services.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 10 });
  expect(search.ok ? 'served' : search.error.code).toBe('forbidden');
  await page.screenshot({ path: `${SCREENS_DIR}/idle-lock.png` });
  await expectNoCriticalViolations(page, testInfo, 'idle-lock');

  // A wrong PIN: refused, the error beside the field, still locked.
  await pin.fill('000000');
  await pin.press('Enter');
  await expect(pinError).toHaveText(new RegExp(`^(${issueText('en', 'wrong_pin')}|${issueText('ko', 'wrong_pin')})$`));
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await expect(lockScreen).toBeVisible();
  await page.screenshot({ path: `${SCREENS_DIR}/idle-lock-wrong-pin.png` });
  await expectNoCriticalViolations(page, testInfo, 'idle-lock-wrong-pin');

  // The right PIN, by keyboard only: back to the intake, with what was typed.
  await pin.fill('482913');
  await page.keyboard.press('Enter');
  await expect(lockScreen).toHaveCount(0);
  await intake.waitUntilReady();
  await expect(intake.control('latinName')).toHaveValue(HALF_TYPED);

  // Lock now, and switch to another coordinator.
  await page.getByRole('button', { name: eitherLanguage('lock.lockNow') }).click();
  await expect(lockScreen).toBeVisible();
  await page.locator('[name="lock-coordinator"]').selectOption(lee.id);
  await pin.fill('735162');
  await pin.press('Enter');
  await expect(page.locator('[data-signed-in]')).toHaveText('Lee Min-ho');
  await expect(intake.control('latinName')).toHaveValue(HALF_TYPED);
  expect(await app.services.context.store.read((tx) => app.services.context.actor(tx))).toBe('Lee Min-ho');
  expect(park.id).not.toBe(lee.id);
});

test('with profiles and nobody signed in, the app opens on the sign-in screen', async ({ page, app }) => {
  const park = await callService(app, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' });
  const patient = await callService(app, 'createPatient', { patient: fixtureIntake('en') });
  await callService(app, 'signOut', {});
  await page.goto(`${app.url}#/patients`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eitherLanguage('lock.signInTitle'));
  expect(await page.content()).not.toContain(patient.patient.names.latin);
  await page.locator('[name="lock-pin"]').fill('482913');
  await page.locator('[name="lock-pin"]').press('Enter');
  await expect(page.locator('main')).toContainText(patient.patient.names.latin);
  expect(app.services.context.session.current?.id).toBe(park.id);
});

test('on a first run the first coordinator profile is made before anything else: a short PIN is refused beside the field, then it signs in', async ({
  page,
  app,
}, testInfo) => {
  // No profiles: the services serve nothing of the patients, whatever the page does.
  const refused = await app.services.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 10 });
  expect(refused.ok ? 'served' : refused.error.issues[0]?.code).toBe('no_coordinators');

  await page.goto(`${app.url}#/settings`);
  const firstRun = page.locator('[data-first-run]');
  await expect(firstRun).toBeVisible();
  await expect(page.locator('.topbar')).toHaveCount(0);
  await firstRun.locator('[name="profile-name"]').fill('Park Ji-won');
  await firstRun.locator('[name="profile-pin"]').fill('123');
  await firstRun.getByRole('button', { name: eitherLanguage('profiles.add') }).click();
  await expect(firstRun.locator('[data-error-for="profile-pin"]')).toHaveText(
    new RegExp(`^(${issueText('en', 'invalid_pin')}|${issueText('ko', 'invalid_pin')})$`),
  );
  // The contract's own PIN schema refused it on the screen, and the focus went to the field to fix.
  await expect(firstRun.locator('[name="profile-pin"]')).toBeFocused();
  expect((await callService(app, 'listCoordinators', {})).coordinators).toEqual([]);
  await page.screenshot({ path: `${SCREENS_DIR}/first-run.png` });
  await expectNoCriticalViolations(page, testInfo, 'first-run');

  // A PIN is typed blind, so it is asked twice: a slip is refused beside the confirmation, nothing is made.
  await firstRun.locator('[name="profile-pin"]').fill('482913');
  await firstRun.locator('[name="profile-pin-confirm"]').fill('482931');
  await firstRun.locator('[name="profile-pin-confirm"]').press('Enter');
  await expect(firstRun.locator('[data-error-for="profile-pin-confirm"]')).toHaveText(
    new RegExp(`^(${issueText('en', 'pins_differ')}|${issueText('ko', 'pins_differ')})$`),
  );
  await expect(firstRun.locator('[data-error-for="profile-pin"]')).toHaveCount(0);
  await expect(firstRun.locator('[name="profile-pin-confirm"]')).toBeFocused();
  expect((await callService(app, 'listCoordinators', {})).coordinators).toEqual([]);

  await firstRun.locator('[name="profile-pin-confirm"]').fill('482913');
  await firstRun.locator('[name="profile-pin-confirm"]').press('Enter');
  await expect(page.locator('[data-signed-in]')).toHaveText('Park Ji-won');
  const profiles = page.locator('[data-coordinator-profiles]');
  await expect(profiles.getByRole('listitem')).toHaveCount(1);
  await profiles.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/settings-profiles.png` });
  await expectNoCriticalViolations(page, testInfo, 'settings-profiles');
  expect(await app.services.context.store.read((tx) => app.services.context.actor(tx))).toBe('Park Ji-won');
});
