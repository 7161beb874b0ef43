// Follow-ups after the flight home: a patient who flew home a week ago is overdue for the day-3 check, one who
// flew home five days ago is due, one still to come is not listed; each shows its time on the patient's clock and
// in Korea time; a concern keeps a follow-up listed and flagged, photos received close it (and a reload agrees);
// the plan screen lists the patient's follow-ups and reads them again after a save; screenshots and axe.
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { FollowUpsPage } from './support/followups-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());
const HOME = 'America/Los_Angeles';

function patient(names: PatientIntake['names'], arrival: string, departure: string): PatientIntake {
  return {
    names,
    birthDate: '1990-04-12',
    sex: 'female',
    nationality: 'US',
    languages: ['en'],
    phone: '+14155550123',
    messengers: [{ kind: 'whatsapp', handle: '+14155550123' }],
    email: 'patient@example.com',
    homeTimeZone: HOME,
    homeCurrency: 'USD',
    trip: { arrival, departure, stayAddress: 'Gangnam-gu, Seoul' },
    skin: { fitzpatrick: 3, concerns: ['melasma'] },
    screening: { ...CLEAN_SCREENING },
    consents: [],
  };
}

/** A patient with a saved plan of one pico laser session on the second day of the stay. */
async function patientWithPlan(app: App, names: PatientIntake['names'], arrival: string, departure: string): Promise<string> {
  const { id } = await callService(app, 'createPatient', { patient: patient(names, arrival, departure) });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: addDays(arrival, 1) }], acknowledgements: [], discounts: {}, rate: null },
  });
  return id;
}

test('due and overdue follow-ups are listed with both clocks, and their outcomes are recorded', async ({ page, app }, testInfo) => {
  // Day 3 is due at 10:00 in Los Angeles three days after the flight: a week ago is well past 48 hours (overdue),
  // five days ago is between one and two days past (due), and a flight in ten days is not due at all.
  const overdue = await patientWithPlan(app, { native: 'Emily Carter', latin: 'Emily Carter' }, addDays(TODAY, -16), addDays(TODAY, -7));
  const due = await patientWithPlan(app, { native: '王小雨', latin: 'Wang Xiaoyu' }, addDays(TODAY, -14), addDays(TODAY, -5));
  const future = await patientWithPlan(app, { native: 'Sofia Reyes', latin: 'Sofia Reyes' }, addDays(TODAY, 2), addDays(TODAY, 10));
  const listed = (await callService(app, 'listDueFollowUps', { limit: 500 })).followUps;
  const overdueDay3 = listed.find((followUp) => followUp.patientId === overdue && followUp.step === 'day-3')!;
  expect(overdueDay3.state).toBe('overdue');
  expect(listed.find((followUp) => followUp.patientId === due)?.state).toBe('due');
  expect(listed.filter((followUp) => followUp.patientId === future)).toEqual([]);

  const followUps = new FollowUpsPage(page, app);
  const shell = new AppShell(page);
  await page.goto(`${app.url}#/patients`);
  await shell.setLanguage('en');

  await test.step('the top bar opens the follow-ups, overdue first, the future one absent', async () => {
    await followUps.navLink.click();
    await followUps.waitUntilReady();
    await expect(followUps.navLink).toHaveAttribute('aria-current', 'page');
    await expect(followUps.items).toHaveCount(2);
    await expect(followUps.items.nth(0)).toHaveAttribute('data-patient-id', overdue);
    await expect(followUps.ofPatient(future)).toHaveCount(0);
  });

  const item = followUps.item(overdue);
  await test.step('a row says who, which step, what, when on both clocks, what to ask and which photos', async () => {
    await expect(item).toHaveAttribute('data-state', 'overdue');
    await expect(followUps.stateBadge(item)).toHaveText(uiText('en', 'followups.state.overdue'));
    await expect(followUps.stateBadge(followUps.item(due))).toHaveText(uiText('en', 'followups.state.due'));
    await expect(item.getByRole('link', { name: 'Emily Carter · Emily Carter' })).toHaveAttribute('href', `#/patients/${overdue}`);
    await expect(item.locator('[data-step-label]')).toHaveText(uiText('en', 'followups.steps.day-3'));
    await expect(item.locator('[data-treatments]')).toHaveText(/Pico laser/);
    await expect(item.locator('[data-due-local]')).toHaveText(`${addDays(TODAY, -4)} 10:00 ${HOME}`);
    await expect(item.locator('[data-due-korea]')).toHaveText(overdueDay3.dueKorea);
    await expect(item.locator('[data-ask]')).toHaveText(overdueDay3.ask.en);
    await expect(item.locator('[data-photos]')).toHaveText(uiText('en', 'photos.angles.front'));
  });

  await test.step('a concern keeps the follow-up listed and flagged', async () => {
    await followUps.record(item, 'concern_raised', 'Redness on the left cheek, sent a photo on WhatsApp');
    await expect(followUps.outcomeBadge(item)).toHaveText(new RegExp(uiText('en', 'followups.outcomes.concern_raised')));
    await expect(item.locator('[data-recorded-note]')).toHaveText('Redness on the left cheek, sent a photo on WhatsApp');
    const stored = (await callService(app, 'listPatientFollowUps', { patientId: overdue })).find((followUp) => followUp.step === 'day-3')!;
    expect(stored).toMatchObject({
      outcome: 'concern_raised',
      state: 'overdue',
      note: 'Redness on the left cheek, sent a photo on WhatsApp',
    });
  });

  await test.step('screenshots in English and Korean; no critical accessibility violations', async () => {
    await saveScreenshot(page, 'followups-en');
    await expectNoCriticalViolations(page, testInfo, 'followups-en');
    await shell.setLanguage('ko');
    await expect(followUps.title).toHaveText(uiText('ko', 'followups.title'));
    await expect(item.locator('[data-ask]')).toHaveText(overdueDay3.ask.ko);
    await expect(followUps.stateBadge(item)).toHaveText(uiText('ko', 'followups.state.overdue'));
    await saveScreenshot(page, 'followups-ko');
    await expectNoCriticalViolations(page, testInfo, 'followups-ko');
    await shell.setLanguage('en');
  });

  await test.step('photos received close it; a reload agrees', async () => {
    await followUps.record(item, 'photos_received', 'Three photos, healing well');
    await expect(followUps.items).toHaveCount(1);
    await page.reload();
    await followUps.waitUntilReady();
    await expect(followUps.item(overdue)).toHaveCount(0);
    await expect(followUps.items).toHaveCount(1);
    const stored = (await callService(app, 'listPatientFollowUps', { patientId: overdue })).find((followUp) => followUp.step === 'day-3')!;
    expect(stored).toMatchObject({ outcome: 'photos_received', state: 'done' });
  });

  await test.step('with the last one done, the list says nothing is due', async () => {
    await followUps.record(followUps.item(due), 'done', '');
    await expect(followUps.emptyState).toHaveText(uiText('en', 'followups.empty'));
  });
});

test('the plan screen lists the follow-ups of the saved plan and reads them again after a save', async ({ page, app }) => {
  const arrival = addDays(TODAY, 5);
  const departure = addDays(TODAY, 15);
  const { id } = await callService(app, 'createPatient', {
    patient: patient({ native: 'Emily Carter', latin: 'Emily Carter' }, arrival, departure),
  });
  const plan = new PlanPage(page, app);
  const panel = page.locator('section[data-plan-followups]');
  await page.goto(`${app.url}#/patients`);
  await new AppShell(page).setLanguage('en');
  await plan.goto(id);
  await expect(panel.getByRole('heading')).toHaveText(uiText('en', 'followups.plan.title'));
  await expect(panel.locator('[data-plan-followups-empty]')).toHaveText(uiText('en', 'followups.plan.empty'));

  await plan.addFromCatalog('pico-laser');
  await plan.setDate(plan.rowsOf('pico-laser').first(), addDays(arrival, 1));
  await plan.saveButton.click();
  await expect(plan.status).toHaveAttribute('data-plan-status', 'saved');

  const stored = await callService(app, 'listPatientFollowUps', { patientId: id });
  expect(stored.length).toBeGreaterThan(0);
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(stored.length);
  const day3 = panel.locator('tr[data-step="day-3"]');
  await expect(day3.locator('th')).toHaveText(uiText('en', 'followups.steps.day-3'));
  await expect(day3.locator('[data-local-date]')).toHaveText(addDays(departure, 3));
  await expect(day3.locator('[data-due-korea]')).toHaveText(stored.find((followUp) => followUp.step === 'day-3')!.dueKorea);
  await expect(day3).toHaveAttribute('data-state', 'upcoming');
});

test('a follow-up’s reminder is written in the patient’s language, to copy or to open in the patient’s messenger', async ({
  page,
  app,
}) => {
  const today = todayIn(CLINIC_TIME_ZONE, new Date());
  const id = await patientWithPlan(app, { native: 'Emily Carter', latin: 'Emily Carter' }, addDays(today, -16), addDays(today, -7));
  const followUps = new FollowUpsPage(page, app);
  await followUps.goto();
  const item = followUps.item(id);
  await item.locator('summary').click();
  const message = item.locator('[data-message]');
  await expect(message).toContainText('Hello Emily Carter');
  const [due] = (await callService(app, 'listDueFollowUps', {})).followUps.filter((f) => f.patientId === id);
  await expect(message).toContainText(due!.ask.en);
  const link = item.locator('a[data-messenger-link="whatsapp"]');
  await expect(link).toHaveAttribute('href', /^https:\/\/wa\.me\/14155550123\?text=Hello%20Emily%20Carter/);
});
