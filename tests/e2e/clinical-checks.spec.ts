// Clinical checks that never stay silent: a Saudi patient whose last isotretinoin dose was two months before
// arrival keeps the isotretinoin finding on her fractional CO2 when scheduling moves it to a next visit, with the
// first day the rule allows; the same session brought back to this trip without a date says the days it concerns.
// An agency booking whose date questions are "not asked" gets the cautions. A session in the future cannot be
// marked done (said beside the control, nothing typed lost) until its time has come. Screenshots in Korean and
// English, and axe.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays } from '../../src/shared/domain/intake/calendar-date';
import { DATE_NOT_ASKED, SCREENING_DATES } from '../../src/shared/domain/intake/vocabulary';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { cliRunner } from '../support/cli-runner';
import { writeTestKeyFile } from '../support/test-key';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, setClock, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { issueText, uiText } from './support/ui-text';

// Tuesday morning in Korea; every date below is set from it, so the test means the same on any real date.
const NOW = '2027-03-02T09:00:00+09:00';
const TODAY = '2027-03-02';
test.use({ now: NOW });

const ARRIVAL = addDays(TODAY, 1);
// Four nights: too short for the downtime of a fractional CO2 session to be over before the flight home.
const DEPARTURE = addDays(ARRIVAL, 4);
const LAST_DOSE = '2027-01-03'; // two months before arrival
// The isotretinoin rules hold for six months after the last dose (183 days): the first day they allow.
const FIRST_ALLOWED = addDays(LAST_DOSE, 183);

const SAUDI: PatientIntake = {
  names: { native: 'نورة القحطاني', latin: 'Noura Al-Qahtani' },
  birthDate: '1993-02-11',
  sex: 'female',
  nationality: 'SA',
  languages: ['ar', 'en'],
  phone: '+966501234567',
  messengers: [{ kind: 'whatsapp', handle: '+966501234567' }],
  email: 'noura@example.sa',
  homeTimeZone: 'Asia/Riyadh',
  homeCurrency: 'SAR',
  trip: { arrival: ARRIVAL, departure: DEPARTURE, stayAddress: 'Sinsa-dong, Gangnam-gu, Seoul' },
  skin: { fitzpatrick: 4, concerns: ['scar_boxcar', 'melasma'] },
  screening: { ...CLEAN_SCREENING, isotretinoinLastDose: LAST_DOSE },
  consents: [],
};

test('isotretinoin two months before arrival: the CO2 moved to a next visit keeps its finding, with the first day allowed', async ({
  page,
  app,
}, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: SAUDI });
  const shell = new AppShell(page);
  const intake = new IntakePage(page);
  const plan = new PlanPage(page, app);
  const co2Isotretinoin = plan.findingsPanel.locator(
    'li.finding[data-rule^="isotretinoin"] li[data-session][data-treatment="fractional-co2"]',
  );

  await test.step('the intake shows the last dose as a date and the other date questions as "never"', async () => {
    await page.goto(`${app.url}#/patients/${id}`);
    await shell.setLanguage('en');
    await intake.waitUntilReady();
    await expect(intake.field('isotretinoinLastDose')).toHaveAttribute('data-date-state', 'date');
    await expect(intake.control('isotretinoinLastDose')).toHaveValue(LAST_DOSE);
    for (const question of SCREENING_DATES.filter((date) => date !== 'isotretinoinLastDose')) {
      await expect(intake.field(question)).toHaveAttribute('data-date-state', 'never');
      await expect(intake.control(question)).toHaveCount(0);
    }
    await saveScreenshot(page, 'clinical-intake-screening-en');
    await expectNoCriticalViolations(page, testInfo, 'clinical-intake-screening-en');
    await shell.setLanguage('ko');
    await expect(intake.field('implantedDevice').locator('legend')).toHaveText(uiText('ko', 'screening.implantedDevice'));
    await saveScreenshot(page, 'clinical-intake-screening-ko');
    await shell.setLanguage('en');
  });

  await test.step('laser toning, fractional CO2 and Rejuran, not dated yet: the CO2 finding names the days of the stay it concerns', async () => {
    await plan.goto(id);
    for (const treatment of ['laser-toning', 'fractional-co2', 'rejuran-healer'] as const) await plan.addFromCatalog(treatment);
    await expect(co2Isotretinoin).toHaveAttribute('data-timing', 'undated');
    await expect(co2Isotretinoin).toHaveAttribute('data-fires-from', ARRIVAL);
    await expect(co2Isotretinoin).toHaveAttribute('data-fires-to', addDays(DEPARTURE, -1));
  });

  await test.step('"Schedule inside the stay" moves the CO2 to a next visit; its finding gives the first day allowed', async () => {
    await plan.scheduleButton.click();
    await expect(plan.nextVisit).toBeVisible();
    await plan.settle();
    const co2 = plan.rowsOf('fractional-co2');
    await expect(co2).toHaveAttribute('data-at-next-visit', 'true');
    await expect(co2).toContainText(uiText('en', 'plan.sessions.atNextVisit'));
    await expect(plan.rowsOf('laser-toning')).not.toHaveAttribute('data-date', '');
    await expect(plan.rowsOf('rejuran-healer')).not.toHaveAttribute('data-date', '');
    await expect(co2Isotretinoin).toHaveAttribute('data-timing', 'next-visit');
    await expect(co2Isotretinoin).toHaveAttribute('data-not-before', FIRST_ALLOWED);
    await expect(co2Isotretinoin).toContainText(uiText('en', 'plan.findings.nextVisitNotBefore', { date: '' }).trim());
    // Decision support: the doctor decides, and the panel says so.
    await expect(plan.findingsPanel.getByRole('heading', { level: 2 })).toHaveText(uiText('en', 'plan.findings.title'));
    await expect(plan.decisionSupport).toHaveText(uiText('en', 'app.decisionSupport'));
    await saveScreenshot(page, 'clinical-plan-next-visit-en');
    await expectNoCriticalViolations(page, testInfo, 'clinical-plan-next-visit-en');
    await shell.setLanguage('ko');
    await expect(co2Isotretinoin).toContainText(uiText('ko', 'plan.findings.nextVisitNotBefore', { date: '' }).split(':')[0]!);
    await saveScreenshot(page, 'clinical-plan-next-visit-ko');
    await expectNoCriticalViolations(page, testInfo, 'clinical-plan-next-visit-ko');
    await shell.setLanguage('en');
  });

  await test.step('with the keyboard, the CO2 comes back to this trip without a date, and goes to the next visit again', async () => {
    const co2 = plan.rowsOf('fractional-co2');
    const move = co2.locator('button[data-move-session]');
    await move.focus();
    await page.keyboard.press('Enter');
    await plan.settle();
    await expect(co2).not.toHaveAttribute('data-at-next-visit', 'true');
    await expect(move).toBeFocused();
    await expect(co2Isotretinoin).toHaveAttribute('data-timing', 'undated');
    await expect(co2Isotretinoin).toContainText(uiText('en', 'plan.findings.undatedRange', { from: '', to: '' }).split(':')[0]!);
    // The scheduler's "does not fit" note described the plan before the move.
    await expect(plan.nextVisit).toHaveCount(0);
    await saveScreenshot(page, 'clinical-plan-undated-en');
    await shell.setLanguage('ko');
    await saveScreenshot(page, 'clinical-plan-undated-ko');
    await shell.setLanguage('en');
    await move.press('Enter');
    await plan.settle();
    await expect(co2).toHaveAttribute('data-at-next-visit', 'true');
    await expect(co2Isotretinoin).toHaveAttribute('data-not-before', FIRST_ALLOWED);
  });

  await test.step('saved (cautions only) and exported, the case file gives the same finding through `plan check`', async () => {
    await plan.saveButton.click();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    const { caseFile } = await callService(app, 'exportPatient', { id });
    const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-e2e-cli-'));
    try {
      const file = join(folder, 'noura.json');
      writeFileSync(file, JSON.stringify(caseFile));
      const cli = cliRunner(() => ['--db', join(folder, 'cli.sqlite'), '--key-file', writeTestKeyFile(folder)]);
      const printed = await cli('plan', 'check', file, '--at', NOW);
      expect(printed.code).toBe(0);
      expect(printed.out).toMatch(new RegExp(`fractional-co2\\tNext visit: not before ${FIRST_ALLOWED}\\. .*\\[isotretinoin`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const BOOKING_HEADER =
  'agency_ref,native_name,latin_name,birth_date,sex,nationality,languages,phone,email,messengers,home_time_zone,home_currency,arrival,departure,stay_address,concerns,notes';
const BOOKING_ROW = `AG-2027-0101,Lê Thu Hà,Le Thu Ha,1991-06-20,female,VN,vi;en,+84912345678,thuha@example.vn,whatsapp:+84912345678,Asia/Ho_Chi_Minh,VND,${addDays(TODAY, 3)},${addDays(TODAY, 10)},"Jung-gu, Seoul",melasma;pih,`;

test('an agency booking whose date questions are "not asked" gets the cautions on its plan', async ({ page, app }, testInfo) => {
  const report = await callService(app, 'importPatients', {
    sources: [{ name: 'agency-bookings.csv', text: `${BOOKING_HEADER}\n${BOOKING_ROW}\n` }],
  });
  const id = report.imported[0]!.id;
  // Imported as "not asked", never "never": nobody screened the patient yet.
  const imported = await callService(app, 'getPatient', { id });
  for (const question of SCREENING_DATES) expect(imported.patient.screening[question]).toBe(DATE_NOT_ASKED);
  const shell = new AppShell(page);
  const intake = new IntakePage(page);
  const plan = new PlanPage(page, app);
  await page.goto(`${app.url}#/patients/${id}`);
  await shell.setLanguage('en');
  await intake.waitUntilReady();

  await test.step('a date question answered "Date" without one is refused beside its field', async () => {
    await intake.answerDate('lastSunExposure', 'not_asked');
    await intake.form.locator('input[name="date-lastSunExposure"][value="date"]').check();
    await intake.pressSave();
    await expect(intake.errorOf('lastSunExposure')).toHaveText(issueText('en', 'required'));
    await expect(intake.control('lastSunExposure')).toHaveAttribute('aria-invalid', 'true');
    await expect(intake.control('lastSunExposure')).toBeFocused();
    await saveScreenshot(page, 'clinical-intake-date-required-en');
  });

  await test.step('each date question is "not asked", chosen with the arrow keys, and saved so', async () => {
    await intake.form.locator('input[name="date-lastSunExposure"][value="date"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(intake.field('lastSunExposure')).toHaveAttribute('data-date-state', 'not_asked');
    await expect(intake.errors).toHaveCount(0);
    for (const question of SCREENING_DATES) await intake.answerDate(question, 'not_asked');
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    const stored = await callService(app, 'getPatient', { id });
    for (const question of SCREENING_DATES) expect(stored.patient.screening[question]).toBe(DATE_NOT_ASKED);
    await saveScreenshot(page, 'clinical-intake-not-asked-en');
    await expectNoCriticalViolations(page, testInfo, 'clinical-intake-not-asked-en');
  });

  await test.step('a laser on the plan gets the "not asked" cautions', async () => {
    await plan.goto(id);
    await plan.addFromCatalog('pico-laser');
    const forLaser = (selector: string) =>
      plan.findingsPanel.locator(`li.finding${selector}`).filter({ has: page.locator('li[data-session][data-treatment="pico-laser"]') });
    await expect(forLaser('[data-rule$="-not-asked"]').first()).toBeVisible();
    // The date rules' own "not asked" cautions, each on the laser.
    for (const rule of ['isotretinoin-not-asked', 'sun-exposure-not-asked', 'retinoid-not-asked']) {
      await expect(forLaser(`[data-rule="${rule}"]`), rule).toHaveCount(1);
    }
    await expect(forLaser('[data-rule="screening-incomplete"]')).toHaveCount(1);
    await expect(forLaser('[data-rule="screening-incomplete"]')).toHaveAttribute('data-severity', 'caution');
  });
});

const FUTURE_DAY = addDays(TODAY, 2); // Thursday
const MONDAY = addDays(TODAY, -1);

test('a session in the future cannot be marked done, said beside the control; once its time has come, it can', async ({
  page,
  app,
}, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: { ...SAUDI, screening: { ...CLEAN_SCREENING } } });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'laser-toning', date: FUTURE_DAY, time: '10:00' }], acknowledgements: [], discounts: {}, rate: null },
  });
  const shell = new AppShell(page);
  const card = page.locator(`[data-session-card="${id}:0"]`);
  const form = card.getByRole('form');
  const refusal = card.locator('[data-error-for="status"]');
  await page.goto(`${app.url}#/patients`);
  await shell.setLanguage('en');
  await page.goto(`${app.url}#/week`);
  await expect(page.locator(`[data-week-ready="${MONDAY}"]`)).toBeVisible();

  await test.step('Done on Thursday’s session on Tuesday is refused beside the control; the form keeps what was typed', async () => {
    await card.locator('[data-mark="done"]').click();
    await form.getByLabel(uiText('en', 'week.doctor')).fill('Dr. Park Min-ji');
    await form.getByLabel(uiText('en', 'week.device')).fill('Spectra XT');
    await form.getByLabel(uiText('en', 'week.notes')).fill('1064 nm, whole face');
    await form.getByRole('button', { name: uiText('en', 'week.save') }).click();
    await expect(refusal).toHaveText(issueText('en', 'session_in_future'));
    await expect(refusal).toHaveAttribute('role', 'alert');
    const save = form.locator('[data-save-done]');
    await expect(save).toHaveAttribute('aria-describedby', (await refusal.getAttribute('id'))!);
    await expect(form.getByLabel(uiText('en', 'week.doctor'))).toHaveValue('Dr. Park Min-ji');
    await expect(form.getByLabel(uiText('en', 'week.device'))).toHaveValue('Spectra XT');
    await expect(form.getByLabel(uiText('en', 'week.notes'))).toHaveValue('1064 nm, whole face');
    await expect(card.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.scheduled'));
    expect((await callService(app, 'getPatientPlan', { patientId: id })).plan.items[0]).not.toHaveProperty('record');
    await saveScreenshot(page, 'clinical-week-refused-en');
    await expectNoCriticalViolations(page, testInfo, 'clinical-week-refused-en');
    await shell.setLanguage('ko');
    await expect(refusal).toHaveText(issueText('ko', 'session_in_future'));
    await saveScreenshot(page, 'clinical-week-refused-ko');
    await expectNoCriticalViolations(page, testInfo, 'clinical-week-refused-ko');
    await shell.setLanguage('en');
  });

  await test.step('on Thursday after 10:00 in Korea, the same form saves the session as done', async () => {
    await setClock(app, page, `${FUTURE_DAY}T11:00:00+09:00`);
    await form.getByRole('button', { name: uiText('en', 'week.save') }).click();
    await expect(card.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.done'));
    await expect(card.locator('[data-session-record]')).toHaveText(/Dr\. Park Min-ji · Spectra XT/);
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.plan.items[0]).toMatchObject({
      status: 'done',
      record: { doctor: 'Dr. Park Min-ji', device: 'Spectra XT', notes: '1064 nm, whole face' },
    });
  });
});
