// The patient's rights on the patient screen: everything exported as one archive; a deletion request confirmed in
// a dialog that says what is erased now and what is kept until when; the record then shows its restriction and
// retention date, is read-only, and leaves the list unless the filter asks for it. English and Korean, with axe
// and screenshots.
import { existsSync } from 'node:fs';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { addYears } from '../../src/shared/domain/rights/patient-rights';
import { CLEAN_SCREENING } from '../support/clean-screening';

const PATIENT: PatientIntake = {
  names: { native: 'Нурлан Серикбаев', latin: 'Nurlan Serikbayev' },
  birthDate: '1988-04-11',
  sex: 'male',
  nationality: 'KZ',
  languages: ['ru', 'en'],
  phone: '+77011234567',
  messengers: [{ kind: 'telegram', handle: 'nurlan_canary_88' }],
  email: 'nurlan@example.kz',
  homeTimeZone: 'Asia/Almaty',
  homeCurrency: 'KZT',
  trip: { arrival: '2026-03-02', departure: '2026-03-09', stayAddress: '' },
  skin: { fitzpatrick: 3, concerns: ['active_acne'] },
  screening: { ...CLEAN_SCREENING },
  consents: [
    { kind: 'sensitive_data', grantedAt: '2026-03-02T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01', language: 'ru' },
    { kind: 'photos_marketing', grantedAt: '2026-03-02T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01' },
  ],
};

test('export everything, then a deletion request restricts the record and shows its retention date', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  const intake = new IntakePage(page);
  const rights = page.locator('[data-patient-rights]');
  const folder = `${app.services.context.databasePath.replace(/[^/]+$/, '')}archives`;

  await test.step('the archive is written into the chosen folder', async () => {
    await page.goto(`${app.url}#/patients/${id}`);
    await new AppShell(page).setLanguage('en');
    await intake.waitUntilReady();
    await rights.locator('[data-archive-folder]').fill(folder);
    await rights.getByRole('button', { name: uiText('en', 'rights.exportArchive') }).click();
    const message = rights.locator('[data-rights-message]');
    await expect(message).toContainText(`${folder}/nurlan-serikbayev-${id.slice(0, 8)}-archive.zip`);
    expect(existsSync(`${folder}/nurlan-serikbayev-${id.slice(0, 8)}-archive.zip`)).toBe(true);
  });

  await test.step('the deletion request asks first, saying what is erased now and what is kept', async () => {
    await rights.getByRole('button', { name: uiText('en', 'rights.requestErasure') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: uiText('en', 'rights.confirmTitle') })).toBeVisible();
    await expect(dialog).toContainText(uiText('en', 'rights.erasedNow'));
    await expect(dialog).toContainText(uiText('en', 'rights.kept', { years: 10 }));
    await dialog.locator('[data-erasure-reason]').fill('Asked at the desk');
    await expectNoCriticalViolations(page, testInfo, 'patient-rights-dialog');
    await page.screenshot({ path: `${SCREENS_DIR}/patient-rights-dialog-en.png` });
    await dialog.getByRole('button', { name: uiText('en', 'rights.confirm') }).click();
  });

  const until = addYears(todayIn(CLINIC_TIME_ZONE, new Date()), 10);
  await test.step('the record shows its restriction with the retention date, and is read-only', async () => {
    const banner = page.locator('[data-restricted-banner]');
    await expect(banner).toHaveText(uiText('en', 'rights.restrictedBanner', { date: until }));
    await expect(intake.control('nativeName')).toBeDisabled();
    await expect(page.getByRole('button', { name: uiText('en', 'intake.save') })).toBeDisabled();
    await expect(rights.getByRole('button', { name: uiText('en', 'rights.requestErasure') })).toHaveCount(0);
    await expect(page.locator('[data-audit-action="patient.restrict"]')).toHaveCount(1);
    await expect(page.locator('[data-audit-action="erase"]')).toHaveCount(1);
    const stored = await callService(app, 'getPatient', { id });
    expect(stored.patient.messengers).toEqual([]);
    expect(stored.patient.email).toBeNull();
    expect(stored.restriction?.retentionUntil).toBe(until);
    await expectNoCriticalViolations(page, testInfo, 'patient-rights-restricted');
    await page.screenshot({ path: `${SCREENS_DIR}/patient-rights-restricted-en.png`, fullPage: false });
    await new AppShell(page).setLanguage('ko');
    await expect(banner).toHaveText(uiText('ko', 'rights.restrictedBanner', { date: until }));
    await page.screenshot({ path: `${SCREENS_DIR}/patient-rights-restricted-ko.png` });
  });

  await test.step('the list hides the record until the filter shows it, labelled', async () => {
    await page.goto(`${app.url}#/patients`);
    await new AppShell(page).setLanguage('en');
    await expect(page.getByText(uiText('en', 'list.count_other', { count: 0 }))).toBeVisible();
    await page.getByLabel(uiText('en', 'list.showRestricted')).check();
    await expect(page.getByText('Nurlan Serikbayev')).toBeVisible();
    await expect(page.locator('[data-restricted]')).toHaveText(uiText('en', 'list.restricted'));
    await expectNoCriticalViolations(page, testInfo, 'patient-rights-list');
    await page.screenshot({ path: `${SCREENS_DIR}/patient-rights-list-en.png` });
  });
});

test('consent to processing health data keeps its language; its withdrawal stops new plans at once', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', {
    patient: { ...PATIENT, messengers: [], email: null, consents: [PATIENT.consents[0]!] },
  });
  const intake = new IntakePage(page);
  await page.goto(`${app.url}#/patients/${id}`);
  await new AppShell(page).setLanguage('en');
  await intake.waitUntilReady();

  await test.step('a consent recorded on the screen keeps the patient’s language', async () => {
    await page
      .locator('[data-consent="photos_medical_record"]')
      .getByRole('button', { name: uiText('en', 'consents.record') })
      .click();
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    const stored = await callService(app, 'getPatient', { id });
    expect(stored.patient.consents.find((c) => c.kind === 'photos_medical_record')?.language).toBe('ru');
  });

  await test.step('withdrawing the consent to health data shows a banner and refuses a new plan', async () => {
    await page
      .locator('[data-consent="sensitive_data"]')
      .getByRole('button', { name: uiText('en', 'consents.withdraw') })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: uiText('en', 'consents.withdraw') })
      .click();
    await intake.pressSave();
    await expect(page.locator('[data-consent-withdrawn-banner]')).toBeVisible();
    const refused = await app.services.dispatch('savePatientPlan', {
      patientId: id,
      expectedVersion: 0,
      plan: { items: [{ treatment: 'pico-laser' }] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'consent_withdrawn' } });
    await expectNoCriticalViolations(page, testInfo, 'patient-rights-consent-withdrawn');
    await page.locator('[data-consent-withdrawn-banner]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS_DIR}/patient-rights-consent-withdrawn-en.png` });
  });
});
