// The treatment plan screen: a plan built from the suggestions and the catalog, scheduled inside the stay and
// checked live; a caution that appears when a screening answer changes in the intake; a block that keeps the plan
// from being saved until a named doctor acknowledges it; the quote in KRW and the home currency with a stale-rate
// warning; the consent summary in the patient's language beside Korean; screenshots and accessibility.
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { convertFromKrw, minorToDecimal } from '../../src/shared/domain/money/currency';
import type { PlanInput } from '../../src/shared/domain/plan/plan-schema';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { AppShell } from './support/app-shell';
import { browserStorage } from './support/browser-storage';
import { expect, test, type App } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { issueText, uiText, type UiLanguage } from './support/ui-text';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());
const ARRIVAL = addDays(TODAY, 10);
const DEPARTURE = addDays(TODAY, 24);

/** A Singaporean patient coming for pigmentation, pores and fine lines; screening answered, nothing alarming yet. */
function patient(overrides: { screening?: Partial<PatientIntake['screening']>; fitzpatrick?: number | null } = {}): PatientIntake {
  return {
    names: { native: '林美玲', latin: 'Lim Mei Ling' },
    birthDate: '1989-08-21',
    sex: 'female',
    nationality: 'SG',
    languages: ['en', 'zh-Hans'],
    phone: '+6591234567',
    messengers: [{ kind: 'whatsapp', handle: '+6591234567' }],
    email: 'meiling.lim@example.sg',
    homeTimeZone: 'Asia/Singapore',
    homeCurrency: 'SGD',
    trip: { arrival: ARRIVAL, departure: DEPARTURE, stayAddress: 'Myeongdong, Jung-gu, Seoul' },
    skin: {
      fitzpatrick: overrides.fitzpatrick === undefined ? 3 : overrides.fitzpatrick,
      concerns: ['melasma', 'dullness', 'fine_lines', 'enlarged_pores', 'scar_boxcar'],
    },
    screening: {
      ...CLEAN_SCREENING,
      ...overrides.screening,
    },
    consents: [],
  };
}

async function createPatient(app: App, intake: PatientIntake): Promise<string> {
  return (await callService(app, 'createPatient', { patient: intake })).id;
}

test('a plan is built, scheduled inside the stay, checked live, and saved only once a named doctor acknowledges its block', async ({
  page,
  app,
}) => {
  const id = await createPatient(app, patient());
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  const plan = new PlanPage(page, app);
  await list.goto();
  await new AppShell(page).setLanguage('en');

  await test.step('the intake of a saved patient opens the plan', async () => {
    await list.row(id).click();
    await intake.waitUntilReady();
    await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
    await plan.waitUntilReady();
    await expect(plan.title).toContainText('林美玲');
    await expect(plan.title).toContainText('Lim Mei Ling');
    await expect(plan.decisionSupport).toHaveText(uiText('en', 'app.decisionSupport'));
    await expect(plan.emptyState).toHaveText(uiText('en', 'plan.sessions.empty'));
    await expect(plan.findingsSummary).toHaveText(uiText('en', 'plan.findings.noSessions'));
  });

  await test.step('sessions come from the suggestions and the catalog', async () => {
    // The concerns suggest treatments, named in the UI language.
    await expect(plan.suggestion('pico-laser')).toHaveText(/Pico laser/);
    await plan.addSuggestion('pico-laser');
    // A treatment in the plan is no longer suggested.
    await expect(plan.suggestion('pico-laser')).toHaveCount(0);
    await plan.addSuggestion('hydrafacial');
    await plan.addSuggestion('water-shine');
    await plan.addFromCatalog('fraxel');
    await plan.addFromCatalog('pico-laser');
    await expect(plan.rows).toHaveCount(5);
    await expect(plan.rowsOf('pico-laser')).toHaveCount(2);
    await expect(plan.rowsOf('fraxel').locator('.sessions__downtime')).toHaveText('3–7 days');
    for (const session of await plan.sessionDates()) expect(session.date).toBe('');
    await expect(plan.status).toHaveText(uiText('en', 'plan.unsaved'));
  });

  let fraxelDate = '';
  await test.step('scheduling dates the sessions inside the stay and says what waits for the next visit', async () => {
    await plan.scheduleButton.click();
    await expect(plan.nextVisit).toContainText(uiText('en', 'plan.sessions.nextVisit_one', { count: 1, treatment: 'Pico laser' }));
    await plan.settle();
    const sessions = await plan.sessionDates();
    expect(sessions).toHaveLength(5);
    const dated = sessions.filter((session) => session.date !== '');
    expect(dated).toHaveLength(4);
    for (const session of dated) {
      expect(session.date >= ARRIVAL && session.date < DEPARTURE, `${session.treatment} on ${session.date}`).toBe(true);
    }
    fraxelDate = dated.find((session) => session.treatment === 'fraxel')!.date;
    await expect(plan.finding({ severity: 'block' })).toHaveCount(0);
  });

  await test.step('the findings follow every change of the plan', async () => {
    const fraxel = plan.rowsOf('fraxel');
    await plan.setDate(fraxel, DEPARTURE);
    await expect(plan.finding({ rule: 'schedule-outside-stay', treatment: 'fraxel', date: DEPARTURE })).toBeVisible();
    await expect(fraxel.locator('.badge--block')).toBeVisible();
    await plan.setDate(fraxel, fraxelDate);
    await expect(plan.finding({ rule: 'schedule-outside-stay' })).toHaveCount(0);
    await expect(fraxel.locator('.badge--block')).toHaveCount(0);
  });

  await test.step('the plan is saved with Ctrl+S', async () => {
    await plan.pressSave();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    await expect(plan.status).toHaveText(uiText('en', 'plan.upToDate'));
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.version).toBe(1);
    expect(stored.plan.items).toHaveLength(5);
  });

  await test.step('a caution appears once the intake says the patient takes a photosensitising drug', async () => {
    await expect(plan.finding({ rule: 'photosensitising-drugs-light' })).toHaveCount(0);
    await plan.backLink.click();
    await intake.waitUntilReady();
    await intake.form.locator('input[name="answer-photosensitisingDrugs"][value="yes"]').check();
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
    await plan.waitUntilReady();
    const caution = plan.finding({ rule: 'photosensitising-drugs-light', treatment: 'fraxel', date: fraxelDate });
    await expect(caution).toBeVisible();
    await expect(caution.locator('.badge')).toHaveText(uiText('en', 'plan.severity.caution'));
    await expect(caution).toContainText('Takes a photosensitising drug');
    await expect(caution.locator('.finding__source')).toContainText('Drug Saf');
    // Pico laser is a laser too.
    await expect(plan.finding({ rule: 'photosensitising-drugs-light', treatment: 'pico-laser' }).first()).toBeVisible();
  });

  await test.step('isotretinoin two months before the (non-ablative) Fraxel session is a caution naming the consensus', async () => {
    await plan.backLink.click();
    await intake.waitUntilReady();
    await intake.answerDate('isotretinoinLastDose', addDays(fraxelDate, -60));
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
    await plan.waitUntilReady();
    const caution = plan.finding({ rule: 'isotretinoin-other-procedures', treatment: 'fraxel', date: fraxelDate });
    await expect(caution).toBeVisible();
    await expect(caution.locator('.badge').first()).toHaveText(uiText('en', 'plan.severity.caution'));
    await expect(caution.locator('.finding__source')).toContainText('Waldman');
    await expect(plan.finding({ rule: 'isotretinoin-ablative-deep-peel' })).toHaveCount(0);
  });

  // Water-shine is a hyaluronic acid booster: for an allergy to hyaluronic acid that is a block, on it alone.
  const boosterDate = (await plan.sessionDates()).find((session) => session.treatment === 'water-shine')!.date;
  const haBlock = plan.finding({ rule: 'hyaluronic-acid-allergy', treatment: 'water-shine', date: boosterDate });
  await test.step('an allergy to hyaluronic acid blocks the Water-shine session, and saving is refused', async () => {
    await plan.backLink.click();
    await intake.waitUntilReady();
    await intake.form.locator('input[name="allergy-hyaluronic_acid"]').check();
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
    await plan.waitUntilReady();
    await expect(haBlock).toBeVisible();
    await expect(haBlock.locator('.badge').first()).toHaveText(uiText('en', 'plan.severity.block'));
    await expect(plan.findingsSummary).toContainText(uiText('en', 'plan.findings.countBlocks_one', { count: 1 }));

    await plan.pressSave();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.blocksRefused_one', { count: 1 }));
    await expect(plan.banner).toBeFocused();
    const booster = plan.rowsOf('water-shine');
    await expect(plan.rowError(booster)).toHaveText(issueText('en', 'block_not_acknowledged'));
    await expect(plan.dateInput(booster)).toHaveAttribute('aria-invalid', 'true');
    // Only the blocked session is flagged, and nothing was stored.
    await expect(plan.sessionsTable.locator('.field__error')).toHaveCount(1);
    expect((await callService(app, 'getPatientPlan', { patientId: id })).version).toBe(1);
  });

  await test.step('a named doctor acknowledges the block, and then the plan saves', async () => {
    await plan.acknowledge(haBlock, 'Dr Seo Yeon-woo');
    await expect(haBlock.locator('[data-acknowledged-by]')).toHaveText(
      uiText('en', 'plan.findings.acknowledgedBy', { doctor: 'Seo Yeon-woo' }),
    );
    await expect(plan.rowError(plan.rowsOf('water-shine'))).toHaveCount(0);
    await expect(plan.rowsOf('water-shine').locator('.badge--acknowledged')).toBeVisible();
    await plan.saveButton.click();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.version).toBe(2);
    expect(stored.plan.acknowledgements).toEqual([
      expect.objectContaining({ rule: 'hyaluronic-acid-allergy', treatment: 'water-shine', date: boosterDate, doctor: 'Dr Seo Yeon-woo' }),
    ]);
  });

  await test.step('a reload shows the saved plan', async () => {
    await page.reload();
    await plan.waitUntilReady();
    await expect(plan.rows).toHaveCount(5);
    await expect(plan.status).toHaveText(uiText('en', 'plan.upToDate'));
    await expect(haBlock).toHaveAttribute('data-acknowledged', 'true');
    await expect(haBlock).toContainText(uiText('en', 'plan.findings.acknowledgedBy', { doctor: 'Seo Yeon-woo' }));
    expect((await plan.sessionDates()).find((session) => session.treatment === 'fraxel')!.date).toBe(fraxelDate);
  });
});

/** A saved plan of four treatments, dated inside the stay; Rejuran is added on screen (the patient is allergic to fish). */
const SEEDED_PLAN: PlanInput = {
  items: [
    { treatment: 'fraxel', date: addDays(ARRIVAL, 1), time: '10:00' },
    { treatment: 'pico-laser', date: addDays(ARRIVAL, 1), time: '11:00' },
    { treatment: 'hydrafacial', date: addDays(ARRIVAL, 3), time: '10:00' },
    { treatment: 'water-shine', date: addDays(ARRIVAL, 4), time: '14:00' },
  ],
};

async function openSeededPlan(page: Page, app: App, language: UiLanguage): Promise<{ id: string; plan: PlanPage }> {
  const id = await createPatient(
    app,
    patient({ screening: { allergies: { items: ['fish'], other: '' }, photosensitisingDrugs: true }, fitzpatrick: null }),
  );
  await callService(app, 'savePatientPlan', { patientId: id, expectedVersion: 0, plan: SEEDED_PLAN });
  const plan = new PlanPage(page, app);
  await plan.goto(id);
  await new AppShell(page).setLanguage(language);
  return { id, plan };
}

test('the quote is in KRW and, at the rate entered, in the home currency, with a warning for an old rate', async ({ page, app }) => {
  const { id, plan } = await openSeededPlan(page, app, 'en');
  await plan.addFromCatalog('rejuran-healer');
  await expect(plan.finding({ rule: 'fish-allergy-salmon-pn', severity: 'block', treatment: 'rejuran-healer', date: null })).toBeVisible();

  // A discount on one line, a rate, and the totals the services compute for that same plan.
  await plan.discountInput('hydrafacial').fill('10');
  const rate = { krwPerUnit: '1032.50', date: TODAY, source: 'KEB Hana Bank' };
  await plan.enterRate(rate);
  const expected = await callService(app, 'evaluatePatientPlan', {
    patientId: id,
    plan: {
      ...SEEDED_PLAN,
      items: [...SEEDED_PLAN.items, { treatment: 'rejuran-healer', date: null }],
      discounts: { hydrafacial: 10 },
      rate,
    },
  });
  const { quote } = expected;
  expect(quote.totalKrw).toBeGreaterThan(0);
  await expect(plan.totalKrw).toHaveText(new Intl.NumberFormat('en', { style: 'currency', currency: 'KRW' }).format(quote.totalKrw));
  await expect(plan.totalKrw).toHaveText(/^₩\d{1,3}(,\d{3})+$/);
  const hydrafacial = quote.lines.find((line) => line.treatment === 'hydrafacial')!;
  expect(hydrafacial.discountPercent).toBe(10);
  await expect(plan.quoteLine('hydrafacial').locator('[data-net]')).toHaveText(
    new Intl.NumberFormat('en', { style: 'currency', currency: 'KRW' }).format(hydrafacial.netKrw!),
  );
  // The guide range of the seeds, in small text beside the clinic's price.
  await expect(plan.quoteLine('fraxel').locator('.quote__guide')).toHaveText('Guide ₩400,000–₩800,000');
  await expect(plan.quote.locator('tr[data-vat]')).toHaveText(
    new RegExp(uiText('en', 'plan.quote.vatIncluded', { percent: 10 }).replace(/[()]/g, '\\$&')),
  );

  // The home total: the exact conversion of the KRW total, in the UI's number format.
  const homeMinor = convertFromKrw(quote.totalKrw, rate.krwPerUnit, 'SGD')!;
  expect(quote.home?.total).toBe(minorToDecimal(homeMinor, 'SGD'));
  const grouped = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(quote.home!.total));
  await expect(plan.homeAmount).toContainText(grouped);
  await expect(plan.homeAmount).toContainText('SGD');
  await expect(plan.quote.locator('[data-home-total]')).toContainText('KEB Hana Bank');
  await expect(plan.staleRate).toHaveCount(0);

  // A rate from a month ago still converts, with a warning.
  await plan.quote.locator('input[name="rate-date"]').fill(addDays(TODAY, -30));
  await plan.settle();
  await expect(plan.staleRate).toHaveText(uiText('en', 'plan.quote.rateStale_other', { count: 30 }));

  // A plan without a clinic price for a treatment quotes it as "price not set".
  await plan.addFromCatalog('subcision');
  await expect(plan.quote.locator('tr[data-quote-unpriced="subcision"]')).toContainText(uiText('en', 'plan.quote.unpriced'));
});

test('a cancelled session stays on the plan, marked, out of the quote; a next-visit session is quoted apart', async ({ page, app }) => {
  const id = await createPatient(app, patient());
  const items = [
    { treatment: 'pico-laser', date: addDays(ARRIVAL, 1), time: '10:00' },
    { treatment: 'pico-laser', date: addDays(ARRIVAL, 3), time: '10:00', status: 'cancelled' },
    { treatment: 'pico-laser', date: null, nextVisit: true },
  ] as const;
  await callService(app, 'savePatientPlan', { patientId: id, expectedVersion: 0, plan: { items: [...items] } });
  const plan = new PlanPage(page, app);
  await plan.goto(id);
  await new AppShell(page).setLanguage('en');
  await plan.settle();
  await expect(plan.screen.locator('tr[data-part="cancelled"] [data-cancelled-row]')).toHaveText(uiText('en', 'plan.sessions.cancelled'));
  await expect(plan.quoteLine('pico-laser').locator('td').first()).toHaveText('1');
  await expect(plan.quote.locator('[data-quote-next-visit] tr[data-next-visit-line="pico-laser"] td').first()).toHaveText('1');
});

test('Mark as sent keeps the quote the patient holds; once the quote changes, the plan screen says they hold an older one', async ({
  page,
  app,
}) => {
  const { id, plan } = await openSeededPlan(page, app, 'en');
  const sent = plan.quote.locator('[data-quote-sent]');
  const markSent = sent.locator('button[data-mark-quote-sent]');
  await markSent.click();
  await expect(sent.locator('[data-quote-held="1"]')).toBeVisible();
  await expect(markSent).toHaveCount(0);

  // A discount changes the quote: the patient holds version 1, and sending waits until the plan is saved.
  await plan.discountInput('hydrafacial').fill('10');
  await plan.settle();
  await expect(sent.locator('[data-quote-outdated="1"]')).toHaveText(/older quote \(version 1/);
  await expect(markSent).toBeDisabled();
  await plan.saveButton.click();
  await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
  await markSent.click();
  await expect(sent.locator('[data-quote-held="2"]')).toBeVisible();
  const versions = await callService(app, 'listQuoteVersions', { patientId: id });
  expect(versions.map((version) => version.version)).toEqual([2, 1]);
  expect(versions[1]!.quote.lines.find((line) => line.treatment === 'hydrafacial')!.discountPercent).toBe(0);
});

test('screenshots of the plan and the consent summary in Korean and English, without critical accessibility violations', async ({
  page,
  app,
}, testInfo) => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const { plan } = await openSeededPlan(page, app, 'ko');
  const shell = new AppShell(page);
  await plan.addSuggestion('rejuran-healer');
  await plan.enterRate({ krwPerUnit: '1032.50', date: addDays(TODAY, -10), source: 'KEB Hana Bank' });
  await expect(plan.finding({ rule: 'fish-allergy-salmon-pn' })).toBeVisible();
  // Acknowledged, the block keeps Rejuran in the consent with the doctor's decision; unacknowledged, it would keep
  // the treatment out of what the patient signs.
  await plan.acknowledge(plan.finding({ rule: 'fish-allergy-salmon-pn' }), 'Dr Seo Yeon-woo');

  for (const language of ['ko', 'en'] as const satisfies readonly UiLanguage[]) {
    await test.step(`plan in ${language}`, async () => {
      await shell.setLanguage(language);
      await plan.planTab.click();
      await expect(plan.findingsPanel.getByRole('heading', { level: 2 })).toHaveText(uiText(language, 'plan.findings.title'));
      await expect(plan.finding({ severity: 'block' }).first().locator('.badge').first()).toHaveText(
        uiText(language, 'plan.severity.block'),
      );
      await expect(plan.finding({ severity: 'caution' }).first().locator('.badge')).toHaveText(uiText(language, 'plan.severity.caution'));
      await expect(plan.finding({ severity: 'info' }).first().locator('.badge')).toHaveText(uiText(language, 'plan.severity.info'));
      await expect(plan.staleRate).toBeVisible();
      await page.screenshot({ path: `${SCREENS_DIR}/plan-${language}.png`, fullPage: true });
      await expectNoCriticalViolations(page, testInfo, `plan-${language}`);
    });

    await test.step(`consent summary in ${language}`, async () => {
      await plan.openConsent();
      await expect(plan.consent).toHaveAttribute('data-columns', 'en ko');
      // Treatment names in the patient's language (English) beside Korean.
      await expect(plan.consentTreatment('fraxel', 'en').getByRole('heading')).toHaveText('Fraxel');
      await expect(plan.consentTreatment('fraxel', 'ko').getByRole('heading')).toHaveText('프락셀');
      await expect(plan.consentTreatment('rejuran-healer', 'en').getByRole('heading')).toHaveText('Rejuran Healer');
      await expect(plan.consentTreatment('rejuran-healer', 'ko').getByRole('heading')).toHaveText('리쥬란 힐러');
      await expect(plan.consentTreatment('fraxel', 'en')).toContainText(uiText('en', 'plan.consent.complications'));
      await expect(plan.consentTreatment('fraxel', 'ko')).toContainText(uiText('ko', 'plan.consent.complications'));
      // The patient's own wording, with what the doctor decided; never the staff's instruction.
      await expect(plan.consent.locator('[data-consent-flags="en"]')).toContainText('You told us you are allergic to fish');
      await expect(plan.consent.locator('[data-consent-flags="en"]')).toContainText('reviewed this on');
      await expect(plan.consent.locator('[data-consent-flags="en"]')).not.toContainText('Ask the doctor');
      await expect(plan.consent.locator('[data-consent-flags="ko"]')).toContainText('생선 알레르기');
      // The clinic's calendar is not one of the patient's conditions.
      await expect(plan.consent.locator('[data-consent-flags="en"]')).not.toContainText('The clinic is closed');
      // The signature and date lines of the patient, the coordinator and the doctor.
      const signatures = plan.consent.locator('[data-signature]');
      await expect(signatures).toHaveCount(3);
      await expect(plan.consent.locator('[data-signature="patient"]')).toContainText(
        `${uiText('en', 'plan.consent.signPatient')} / ${uiText('ko', 'plan.consent.signPatient')}`,
      );
      await expect(plan.consent.locator('[data-signature="doctor"]')).toContainText(
        `${uiText('en', 'plan.consent.date')} / ${uiText('ko', 'plan.consent.date')}`,
      );
      await page.screenshot({ path: `${SCREENS_DIR}/consent-${language}.png`, fullPage: true });
      await expectNoCriticalViolations(page, testInfo, `consent-${language}`);
    });
  }
});

test('the plan screen is operated with the keyboard, and a plan saved elsewhere meanwhile is not overwritten', async ({ page, app }) => {
  const { id, plan } = await openSeededPlan(page, app, 'en');
  await expect(plan.rows).toHaveCount(4);

  // The tabs move with the arrow keys.
  await plan.planTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(plan.consentTab).toBeFocused();
  await expect(plan.consent).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(plan.planTab).toBeFocused();
  await expect(plan.sessionsTable).toBeVisible();

  // A treatment added from the catalog with the keyboard alone, then removed again: the focus stays in the table.
  await plan.catalogSelect.focus();
  await plan.catalogSelect.selectOption('aqua-peel');
  await page.keyboard.press('Tab');
  await expect(plan.addButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(plan.rows).toHaveCount(5);
  await expect(plan.status).toHaveText(uiText('en', 'plan.unsaved'));
  const remove = plan.rowsOf('aqua-peel').getByRole('button', { name: /^Remove session 5/ });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(plan.rows).toHaveCount(4);
  await expect(plan.rows.nth(3).getByRole('button', { name: /^Remove session 4/ })).toBeFocused();
  await plan.settle();
  await expect(plan.status).toHaveText(uiText('en', 'plan.upToDate'));

  // Someone else saves the plan; this screen's save is refused with a clear message.
  await plan.addFromCatalog('aqua-peel');
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 1,
    plan: { items: [...SEEDED_PLAN.items, { treatment: 'led-therapy', date: null }] },
  });
  await plan.pressSave();
  await expect(plan.banner).toContainText(uiText('en', 'plan.conflict'));
  expect((await callService(app, 'getPatientPlan', { patientId: id })).plan.items.map((item) => item.treatment)).toContain('led-therapy');
  // Loading the saved plan shows theirs.
  await plan.banner.getByRole('button', { name: uiText('en', 'plan.reload') }).click();
  await expect(plan.rowsOf('led-therapy')).toHaveCount(1);
  await expect(plan.rowsOf('aqua-peel')).toHaveCount(0);
});

test('unsaved plan changes survive a visit to the intake and a reload, in the database only, until discarded', async ({ page, app }) => {
  const { id, plan } = await openSeededPlan(page, app, 'en');
  await plan.addFromCatalog('aqua-peel');
  await plan.setDate(plan.rowsOf('aqua-peel'), addDays(ARRIVAL, 2));
  // The draft is written as the coordinator edits, into the database.
  await expect
    .poll(
      async () =>
        (await callService(app, 'getPlanDraft', { patientId: id }))?.plan.items.find((item) => item.treatment === 'aqua-peel')?.date,
    )
    .toBe(addDays(ARRIVAL, 2));
  /** Nothing of the patient in the window's storage: only the interface language, and no IndexedDB at all. */
  const expectNothingOfThePatientInTheWindow = async () => {
    const stored = await browserStorage(page);
    expect(stored.localStorageKeys).toEqual(['clinicdesk.uiLanguage']);
    expect(stored.indexedDbNames).toEqual([]);
    for (const needle of [id, 'aqua-peel', 'Lim Mei Ling', addDays(ARRIVAL, 2)]) expect(stored.entries.join('\n')).not.toContain(needle);
  };
  await expectNothingOfThePatientInTheWindow();

  await plan.backLink.click();
  await new IntakePage(page).waitUntilReady();
  await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
  await plan.waitUntilReady();
  await expect(plan.rows).toHaveCount(5);
  await expect(plan.screen.locator('.banner[role="status"]').first()).toContainText(/Unsaved plan changes from .+ were restored\./);
  await expect(plan.status).toHaveText(uiText('en', 'plan.unsaved'));

  await page.reload();
  await plan.waitUntilReady();
  await expect(plan.rowsOf('aqua-peel')).toHaveCount(1);
  expect((await plan.sessionDates()).find((session) => session.treatment === 'aqua-peel')!.date).toBe(addDays(ARRIVAL, 2));
  await expectNothingOfThePatientInTheWindow();

  await plan.screen.getByRole('button', { name: uiText('en', 'plan.discard') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(uiText('en', 'plan.discardConfirmTitle'));
  await dialog.getByRole('button', { name: uiText('en', 'plan.discard') }).click();
  await expect(plan.rows).toHaveCount(4);
  await expect(plan.rowsOf('aqua-peel')).toHaveCount(0);
  await expect(plan.status).toHaveText(uiText('en', 'plan.upToDate'));
  expect(await callService(app, 'getPlanDraft', { patientId: id })).toBeNull();
  await page.reload();
  await plan.waitUntilReady();
  await expect(plan.rows).toHaveCount(4);
});
