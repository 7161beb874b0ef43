// The consent summary on screen covers what the consent handout covers: a draft, naming the questions, while a
// screening question a rule of this plan reads is open; a treatment with a block no doctor has reviewed kept out, and
// said so; once a named doctor acknowledges the block, the treatment in, with the doctor's decision and its date.
import { readFileSync } from 'node:fs';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { uiText, type UiLanguage } from './support/ui-text';

test.use({ now: '2027-03-10T10:00:00+09:00' });

const patientWords = (language: UiLanguage, rule: string): string =>
  (
    JSON.parse(readFileSync(new URL(`../../resources/locales/${language}/patient-findings.json`, import.meta.url), 'utf8')) as Record<
      string,
      string
    >
  )[rule]!;

/** An Australian patient allergic to fish (salmon PN is blocked for her), not yet asked about pregnancy. */
const PATIENT: PatientIntake = {
  names: { native: 'Emily Carter', latin: 'Emily Carter' },
  birthDate: '1990-04-12',
  sex: 'female',
  nationality: 'AU',
  languages: ['en'],
  phone: '+61412345678',
  messengers: [{ kind: 'whatsapp', handle: '+61412345678' }],
  email: 'emily.carter@example.au',
  homeTimeZone: 'Australia/Sydney',
  homeCurrency: 'AUD',
  trip: { arrival: '2027-03-12', departure: '2027-03-24', stayAddress: 'Gangnam-gu, Seoul' },
  skin: { fitzpatrick: 2, concerns: ['melasma', 'fine_lines'] },
  screening: { ...CLEAN_SCREENING, pregnant: null, allergies: { items: ['fish'], other: '' } },
  consents: [],
};

test('the consent on screen is a draft while a question is open, keeps out an unreviewed block, and takes it in with the doctor’s decision', async ({
  page,
  app,
}, testInfo) => {
  const id = (await callService(app, 'createPatient', { patient: PATIENT })).id;
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: '2027-03-13', time: '10:00' }] },
  });
  const plan = new PlanPage(page, app);
  const shell = new AppShell(page);
  await plan.goto(id);
  await shell.setLanguage('en');

  await test.step('the pregnancy question, which a rule on the pico laser reads, makes it a draft that names it', async () => {
    await plan.openConsent();
    await expect(plan.consentDraft).toHaveAttribute('role', 'status');
    await expect(plan.consentDraft).toContainText(`${uiText('en', 'plan.consent.draft')} · ${uiText('ko', 'plan.consent.draft')}`);
    await expect(plan.consentOpenQuestions('en')).toHaveText([patientWords('en', 'pregnancy-not-asked')]);
    await expect(plan.consentOpenQuestions('ko')).toHaveText([patientWords('ko', 'pregnancy-not-asked')]);
    // A draft is not signed: no signature lines, the draft said again where they would be.
    await expect(plan.consent.locator('[data-signature]')).toHaveCount(0);
    await expect(plan.consentUnsigned).toContainText(uiText('en', 'plan.consent.draft'));
    await expectNoCriticalViolations(page, testInfo, 'consent-draft-en');
    await saveScreenshot(page, 'consent-draft-en');
    await shell.setLanguage('ko');
    await expect(plan.consentDraft.getByRole('link')).toHaveText(uiText('ko', 'plan.consent.openIntake'));
    await saveScreenshot(page, 'consent-draft-ko');
    await shell.setLanguage('en');
  });

  await test.step('answered in the intake (reached from the banner with the keyboard), the question no longer holds it back', async () => {
    await plan.consentDraft.getByRole('link', { name: uiText('en', 'plan.consent.openIntake') }).focus();
    await page.keyboard.press('Enter');
    const intake = new IntakePage(page);
    await intake.waitUntilReady();
    await intake.form.locator('input[name="answer-pregnant"][value="no"]').check();
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    await page.getByRole('link', { name: uiText('en', 'intake.plan') }).click();
    await plan.waitUntilReady();
    await plan.openConsent();
    await expect(plan.consentDraft).toHaveCount(0);
    await expect(plan.consent.locator('[data-signature]')).toHaveCount(3);
  });

  await test.step('Rejuran Healer, blocked for the fish allergy and not reviewed, is kept out and said so', async () => {
    await plan.planTab.click();
    await plan.addFromCatalog('rejuran-healer');
    await expect(plan.finding({ rule: 'fish-allergy-salmon-pn', severity: 'block' })).toBeVisible();
    await plan.openConsent();
    await expect(plan.consentTreatment('pico-laser', 'en')).toBeVisible();
    await expect(plan.consentTreatment('rejuran-healer', 'en')).toHaveCount(0);
    await expect(plan.consentTreatment('rejuran-healer', 'ko')).toHaveCount(0);
    await expect(plan.consentKeptOut('en').locator('li')).toHaveText(['Rejuran Healer']);
    await expect(plan.consentKeptOut('en')).toContainText(uiText('en', 'plan.consent.keptOutWhy'));
    await expect(plan.consentKeptOut('ko').locator('li')).toHaveText(['리쥬란 힐러']);
    await expect(plan.consentConditions('en')).toHaveCount(0);
    await expectNoCriticalViolations(page, testInfo, 'consent-kept-out-en');
    await saveScreenshot(page, 'consent-kept-out-en');
  });

  await test.step('acknowledged by a named doctor, it is in the consent with the doctor’s decision and its date', async () => {
    await plan.planTab.click();
    await plan.acknowledge(plan.finding({ rule: 'fish-allergy-salmon-pn', severity: 'block' }), 'Seo Yeon-woo');
    await plan.openConsent();
    await expect(plan.consentKeptOut('en')).toHaveCount(0);
    await expect(plan.consentTreatment('rejuran-healer', 'en').getByRole('heading')).toHaveText('Rejuran Healer');
    await expect(plan.consentTreatment('rejuran-healer', 'ko').getByRole('heading')).toHaveText('리쥬란 힐러');
    const fish = plan.consentConditions('en').filter({ hasText: 'allergic to fish' });
    await expect(fish.locator('[data-consent-decision]')).toHaveText(
      'Dr Seo Yeon-woo reviewed this on 2027-03-10 and decided to go ahead with this treatment.',
    );
    await expect(plan.consentConditions('ko').locator('[data-consent-decision]')).toContainText('Seo Yeon-woo');
    await expect(plan.consent.locator('[data-signature]')).toHaveCount(3);
    await expectNoCriticalViolations(page, testInfo, 'consent-acknowledged-en');
    await saveScreenshot(page, 'consent-acknowledged-en');
    await shell.setLanguage('ko');
    await expect(plan.consent.getByRole('heading', { level: 2 })).toContainText(uiText('ko', 'plan.consent.title'));
    await saveScreenshot(page, 'consent-acknowledged-ko');
    await shell.setLanguage('en');
  });

  await test.step('the acknowledgement follows the session to a date set afterwards, on the plan and in the consent', async () => {
    await plan.planTab.click();
    await plan.setDate(plan.rowsOf('rejuran-healer').first(), '2027-03-15');
    await expect(plan.finding({ rule: 'fish-allergy-salmon-pn', severity: 'block' })).toHaveAttribute('data-acknowledged', 'true');
    await plan.openConsent();
    await expect(plan.consentKeptOut('en')).toHaveCount(0);
    await expect(plan.consentTreatment('rejuran-healer', 'en')).toBeVisible();
    await expect(plan.consentConditions('en').locator('[data-consent-decision]')).toContainText(
      'Dr Seo Yeon-woo reviewed this on 2027-03-10',
    );
  });
});
