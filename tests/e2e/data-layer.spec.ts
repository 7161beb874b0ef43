// The renderer's data layer seen from the browser: a read that fails is said with its support reference and a
// button that reads it again (never "Loading…" for ever); opening a patient is one audited read, not one per return
// to the window; the catalog is read once for every screen; a patient's photos once for all their week cards.
// Requests are counted and broken at the preview's door (Playwright's routing), the audit log read from the services.
import type { Page, Route } from '@playwright/test';
import type { AppError } from '../../src/shared/contract';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { isoWeekday } from '../../src/shared/domain/schedule/clinic-hours';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { callService } from './support/services';
import { uiText, type UiLanguage } from './support/ui-text';

const NOW = '2027-03-10T18:00:00+09:00';
test.use({ now: NOW });
const TODAY = todayIn(CLINIC_TIME_ZONE, new Date(NOW));
const SESSION_DAY = isoWeekday(TODAY) === 7 ? addDays(TODAY, -1) : TODAY;

const PATIENT: PatientIntake = {
  names: { native: '王小雨', latin: 'Wang Xiaoyu' },
  birthDate: '1990-04-12',
  sex: 'female',
  nationality: 'CN',
  languages: ['zh-Hans'],
  phone: '+8613800138000',
  messengers: [],
  email: null,
  homeTimeZone: 'Asia/Shanghai',
  homeCurrency: 'CNY',
  trip: { arrival: addDays(SESSION_DAY, -2), departure: addDays(SESSION_DAY, 12), stayAddress: '' },
  skin: { fitzpatrick: 3, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

const REFERENCE = 'e2e-broken-once';

/** The channel's next call through the preview's door is answered with an internal error; later calls go through. */
async function failOnce(page: Page, channel: string): Promise<void> {
  const error: AppError = { code: 'internal', message: 'Injected failure', issues: [], correlationId: REFERENCE };
  let failed = false;
  await page.route(`**/api/${channel}`, async (route: Route) => {
    if (failed) return route.continue();
    failed = true;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });
  });
}

/** Counts the page's calls to a channel from now on. */
function countCalls(page: Page, channel: string): { readonly count: () => number } {
  let calls = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith(`/api/${channel}`)) calls += 1;
  });
  return { count: () => calls };
}

async function openCount(app: App, patientId: string): Promise<number> {
  const history = await callService(app, 'auditHistory', { patientId });
  return history.entries.filter((entry) => entry.action === 'patient.open').length;
}

test('a failed load says so with its reference, and Try again reads it again', async ({ app, page }) => {
  const shell = new AppShell(page);
  await page.goto(`${app.url}#/patients`);
  await shell.setLanguage('en');

  await test.step('Settings: the catalog fails once', async () => {
    await failOnce(page, 'getCatalog');
    await page.goto(`${app.url}#/settings`);
    const failure = page.locator('[data-load-failed="getCatalog"]');
    await expect(failure).toBeVisible();
    await expect(failure).toContainText(uiText('en', 'load.internal'));
    await expect(failure.locator(`[data-error-reference="${REFERENCE}"]`)).toBeVisible();
    await expect(page.locator('input[name="price-pico-laser"]')).toHaveCount(0);
    for (const language of ['ko', 'en'] as const satisfies readonly UiLanguage[]) {
      await shell.setLanguage(language);
      await expect(failure.getByRole('button')).toHaveText(uiText(language, 'load.retry'));
      await saveScreenshot(page, `load-failed-settings-${language}`);
    }
    await failure.getByRole('button', { name: uiText('en', 'load.retry') }).click();
    await expect(page.locator('input[name="price-pico-laser"]')).toHaveValue('100000');
    await expect(failure).toHaveCount(0);
  });

  await test.step('Week: the sessions fail once', async () => {
    await failOnce(page, 'listSessions');
    await page.goto(`${app.url}#/week`);
    const failure = page.locator('[data-load-failed="listSessions"]');
    await expect(failure).toBeVisible();
    await expect(page.locator('[data-week-ready]')).toHaveCount(0);
    await failure.getByRole('button', { name: uiText('en', 'load.retry') }).click();
    await expect(page.locator('[data-week-day]')).toHaveCount(7);
    await expect(failure).toHaveCount(0);
  });
});

test('opening a patient is one audited read, whatever the window does, and one more for each new opening', async ({
  app,
  page,
  context,
}) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  const reads = countCalls(page, 'getPatient');
  const intake = new IntakePage(page);
  await page.goto(`${app.url}#/patients/${id}`);
  await intake.waitUntilReady();
  await expect(page.locator('[data-audit-action="patient.open"]')).toHaveCount(1);
  expect(await openCount(app, id)).toBe(1);

  // Another tab comes to the front, then this one again; the window loses and regains the focus; the network
  // comes back: none of these is an opening of the record.
  const other = await context.newPage();
  await other.bringToFront();
  await page.bringToFront();
  await page.evaluate(`
    window.dispatchEvent(new Event('blur'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
  `);
  await other.close();
  // Whatever would be read again by itself would have been asked for by now.
  await page.waitForTimeout(1_500);
  expect(reads.count()).toBe(1);
  expect(await openCount(app, id)).toBe(1);

  // Leaving the record and opening it again is a second opening, logged as such.
  await page.goto(`${app.url}#/week`);
  await expect(page.locator('[data-week-ready]')).toBeVisible();
  await page.goto(`${app.url}#/patients/${id}`);
  await intake.waitUntilReady();
  await expect.poll(() => openCount(app, id)).toBe(2);
  expect(reads.count()).toBe(2);
});

test('the catalog is read once for all the screens that show it', async ({ app, page }) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  const catalogReads = countCalls(page, 'getCatalog');
  await page.goto(`${app.url}#/week`);
  await expect(page.locator('[data-week-ready]')).toBeVisible();
  await page.goto(`${app.url}#/settings`);
  await expect(page.locator('input[name="price-pico-laser"]')).toBeVisible();
  await page.goto(`${app.url}#/followups`);
  await expect(page.locator('[data-followups-empty]')).toBeVisible();
  await page.goto(`${app.url}#/reports`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${app.url}#/patients/${id}/plan`);
  await expect(page.locator('[data-plan-followups]')).toBeVisible();
  await page.goto(`${app.url}#/week`);
  await expect(page.locator('[data-week-ready]')).toBeVisible();
  expect(catalogReads.count()).toBe(1);
});

test("a patient's photos are read once for all of that patient's cards in the week", async ({ app, page }) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: SESSION_DAY, time: '10:00' },
        { treatment: 'hydrafacial', date: SESSION_DAY, time: '14:00' },
      ],
      acknowledgements: [],
      discounts: {},
      rate: null,
    },
  });
  const photoReads = countCalls(page, 'listPhotos');
  await page.goto(`${app.url}#/week`);
  await new AppShell(page).setLanguage('en');
  const first = page.locator(`[data-session-card="${id}:0"]`);
  const second = page.locator(`[data-session-card="${id}:1"]`);
  await first.locator('[data-mark="done"]').click();
  await expect(first.locator('select[name="photo-front"]')).toBeVisible();
  await second.locator('[data-mark="done"]').click();
  await expect(second.locator('select[name="photo-front"]')).toBeVisible();
  await expect(first.locator('.week-session__photos .field__hint')).toHaveText(uiText('en', 'week.noPhotosStored'));
  await expect(second.locator('.week-session__photos .field__hint')).toHaveText(uiText('en', 'week.noPhotosStored'));
  expect(photoReads.count()).toBe(1);
});
