// The preview's credential in a real browser: without the printed one-time URL the page says to open it; a
// spent URL does not open a second browser; signing in in one browser does not sign in another; and when the
// services lock an idle session (on their clock), the page shows the lock at its next call, typing kept.
import { IDLE_LOCK_MINUTES } from '../../src/shared/domain/coordinators/coordinator-pin';
import { expect, openSession, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { eitherLanguage } from './support/ui-text';
import { fixtureIntake } from '../support/temp-services';

test('a browser without the printed URL, or with a spent one, gets the page saying so and no patients', async ({ browser, app }) => {
  const patient = await callService(app, 'createPatient', { patient: fixtureIntake('en') });
  const tokenUrl = app.newTokenUrl();
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const bare = await second.newPage();
    await bare.goto(`${app.url}#/patients`);
    await expect(bare.getByRole('heading', { level: 1 }).first()).toHaveText('Open the address the preview printed');
    expect(await bare.content()).not.toContain(patient.patient.names.latin);

    const opened = await first.newPage();
    await opened.goto(`${tokenUrl}#/patients`);
    await expect(opened.locator('main')).toContainText(patient.patient.names.latin);
    // The token is gone from the address bar (and the history) once it is a cookie.
    expect(new URL(opened.url()).search).toBe('');

    const late = await second.newPage();
    await late.goto(tokenUrl);
    await expect(late.getByRole('heading', { level: 1 }).first()).toHaveText('Open the address the preview printed');
  } finally {
    await first.close();
    await second.close();
  }
});

test('signing in in one browser does not sign in another', async ({ page, browser, app }) => {
  const coordinator = app.coordinator!;
  const patient = await callService(app, 'createPatient', { patient: fixtureIntake('en') });
  await new PatientListPage(page, app).goto();
  await expect(page.locator('[data-signed-in]')).toHaveText(coordinator.name);

  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await openSession(otherPage, app);
    await otherPage.goto(`${app.url}#/patients`);
    await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(eitherLanguage('lock.signInTitle'));
    expect(await otherPage.content()).not.toContain(patient.patient.names.latin);
    // This browser is still signed in, after a reload too.
    await expect(page.locator('main')).toContainText(patient.patient.names.latin);
    await page.reload();
    await expect(page.locator('[data-signed-in]')).toHaveText(coordinator.name);
  } finally {
    await other.close();
  }
});

test.describe('on the services’ clock', () => {
  test.use({ now: '2027-03-10T10:00:00+09:00' });

  test('an idle session is locked by the services, and the page shows the lock at its next call, keeping the typing', async ({
    page,
    app,
  }) => {
    const patient = await callService(app, 'createPatient', { patient: fixtureIntake('en') });
    const list = new PatientListPage(page, app);
    const intake = new IntakePage(page);
    await list.goto();
    await list.newPatient();
    await intake.waitUntilReady();
    await intake.control('latinName').fill('Nguyễn Thị Ho');

    // The page's own timer has not run (its clock did not move); the services' clock passed the idle time.
    app.clock.set(new Date(app.clock.now().getTime() + (IDLE_LOCK_MINUTES.default + 1) * 60_000));
    await page.goto(`${app.url}#/patients`);
    await expect(page.locator('[data-lock-screen]')).toBeVisible();
    expect(await page.content()).not.toContain(patient.patient.names.latin);
    expect(app.services.context.session.current).toBeNull();

    await page.locator('[name="lock-pin"]').fill(app.coordinator!.pin);
    await page.locator('[name="lock-pin"]').press('Enter');
    await expect(page.locator('main')).toContainText(patient.patient.names.latin);
    await expect(list.drafts).toContainText('Nguyễn Thị Ho');
  });
});
