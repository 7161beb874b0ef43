// Nothing invalid is saved: every bad value is named beside its own field, a summary says how many fields need
// attention, the focus goes to the first of them, and the database stays untouched until all are fixed.
import type { Page } from '@playwright/test';
import type { IssueCode } from '../../src/shared/contract';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { IntakePage, type PatientInput } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService, patientCount } from './support/services';
import { issueText, uiText } from './support/ui-text';

const VALID: PatientInput = {
  nativeName: 'Анна Смирнова',
  latinName: 'Anna Smirnova',
  birthDate: '1990-06-12',
  sex: 'female',
  nationality: 'RU',
  languages: ['ru'],
  phone: '+7 912 345 67 89',
  email: 'anna.smirnova@example.ru',
  homeTimeZone: 'Europe/Moscow',
  homeCurrency: 'RUB',
  arrival: '2026-06-20',
  departure: '2026-07-01',
};

/** The fields the bad values below must flag (the choices left unmade among them) and their errors, in form order. */
const EXPECTED_ERRORS: readonly (readonly [field: string, code: IssueCode | readonly IssueCode[]])[] = [
  ['latinName', 'latin_letters_only'],
  ['sex', 'required'],
  ['nationality', 'required'],
  ['languages', 'required'],
  ['phone', 'invalid_phone'],
  ['email', 'invalid_email'],
  ['homeTimeZone', 'invalid_time_zone'],
  ['homeCurrency', 'invalid_currency'],
  ['departure', 'departure_before_arrival'],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openNewIntake(page: Page, list: PatientListPage, intake: IntakePage) {
  await list.goto();
  await new AppShell(page).setLanguage('en');
  await list.newPatient();
  await intake.waitUntilReady();
}

test('every invalid field is named beside it and nothing is saved until all are fixed', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  await openNewIntake(page, list, intake);

  await intake.fill({
    nativeName: VALID.nativeName,
    latinName: 'Анна Смирнова',
    birthDate: VALID.birthDate,
    phone: '+86 123',
    email: 'not-an-email',
    homeTimeZone: 'Mars/Olympus',
    homeCurrency: 'XYZ',
    arrival: '2026-06-20',
    departure: '2026-06-10',
  });
  await intake.saveButton.click();

  await expect(intake.errorSummary).toHaveText(uiText('en', 'intake.errorsSummary_other', { count: EXPECTED_ERRORS.length }));
  for (const [field, codes] of EXPECTED_ERRORS) {
    const texts = (typeof codes === 'string' ? [codes] : codes).map((code) => issueText('en', code));
    await expect(intake.errorOf(field), `error beside ${field}`).toHaveText(new RegExp(`^(${texts.map(escapeRegExp).join('|')})$`));
  }
  // No other field claims an error, and the valid ones are not marked invalid.
  await expect(intake.errors).toHaveCount(EXPECTED_ERRORS.length);
  for (const field of ['nativeName', 'birthDate', 'arrival']) {
    await expect(intake.control(field)).not.toHaveAttribute('aria-invalid', 'true');
  }
  // The control is tied to its error, so a screen reader reads it on focus.
  await expect(intake.control('phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(intake.control('phone')).toHaveAccessibleDescription(issueText('en', 'invalid_phone'));
  await expect(intake.control('latinName')).toBeFocused();
  await expect(page).toHaveURL(/#\/patients\/new\//);
  expect(await patientCount(app)).toBe(0);

  // Errors are re-checked as the coordinator fixes them: the summary is not stale once one is fixed.
  await intake.fill({ latinName: VALID.latinName });
  await expect(intake.errorOf('latinName')).toHaveCount(0);

  await intake.fill({ ...VALID, nativeName: undefined, birthDate: undefined, arrival: undefined });
  await expect(intake.errors).toHaveCount(0);
  await intake.pressSave();
  await intake.expectSavedAsNewPatient();
  await expect(intake.savedBanner).toHaveText(uiText('en', 'intake.saved'));
  expect(await patientCount(app)).toBe(1);
});

test('a birth date in the future is refused by the server and shown beside the field', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  await openNewIntake(page, list, intake);

  // A year after the clinic's today (Korea time), so the check is against the same clock as the server's.
  const { clinicToday } = await callService(app, 'getAppInfo', {});
  const nextYear = `${Number(clinicToday.slice(0, 4)) + 1}${clinicToday.slice(4)}`.replace(/-02-29$/, '-02-28');

  await intake.fill({ ...VALID, birthDate: nextYear });
  await intake.pressSave();

  await expect(intake.errorOf('birthDate')).toHaveText(issueText('en', 'date_in_future'));
  await expect(intake.errors).toHaveCount(1);
  await expect(intake.errorSummary).toHaveText(uiText('en', 'intake.errorsSummary_one', { count: 1 }));
  await expect(intake.control('birthDate')).toBeFocused();
  await expect(page).toHaveURL(/#\/patients\/new\//);
  expect(await patientCount(app)).toBe(0);

  await intake.fill({ birthDate: VALID.birthDate });
  await intake.pressSave();
  await intake.expectSavedAsNewPatient();
  expect(await patientCount(app)).toBe(1);
});
