// Reports: patients seen in a range by nationality, language and referral route, their sessions, follow-ups and
// revenue as charts with tables; a table exported as CSV (its content checked); the KHIDI year with each gap
// linked to the patient, and its .xlsx read back. Screenshots in both languages, and axe.
import ExcelJS from 'exceljs';
import type { PatientIntake, Referral } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { ReportsPage } from './support/reports-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());
// Early in January the current year has few past days: the visits are then in the year before.
const VISIT_DAY = addDays(TODAY, -20);
const YEAR = Number(VISIT_DAY.slice(0, 4));

interface Visitor {
  readonly latin: string;
  readonly nationality: string;
  readonly language: PatientIntake['languages'][number];
  readonly referral?: Referral;
  readonly done: boolean;
}

const VISITORS: readonly Visitor[] = [
  {
    latin: 'Wang Fang',
    nationality: 'CN',
    language: 'zh-Hans',
    referral: { route: 'agency', agencyName: 'Seoul Medi Tour', agencyRegistrationNumber: 'A-2024-0117', referrer: '' },
    done: true,
  },
  {
    latin: 'Li Na',
    nationality: 'CN',
    language: 'zh-Hans',
    referral: { route: 'online_platform', agencyName: '', agencyRegistrationNumber: '', referrer: 'Gangnam Unni' },
    done: true,
  },
  {
    latin: 'Sato Yui',
    nationality: 'JP',
    language: 'ja',
    referral: { route: 'direct', agencyName: '', agencyRegistrationNumber: '', referrer: '' },
    done: true,
  },
  // No referral route recorded, and the session never marked done: two gaps for the KHIDI report.
  { latin: 'Nguyen Lan', nationality: 'VN', language: 'vi', done: false },
];

async function addVisitors(app: App): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const visitor of VISITORS) {
    const patient: PatientIntake = {
      names: { native: visitor.latin, latin: visitor.latin },
      birthDate: '1992-05-14',
      sex: 'female',
      nationality: visitor.nationality,
      languages: [visitor.language, 'en'],
      phone: null,
      messengers: [],
      email: null,
      homeTimeZone: 'Asia/Shanghai',
      homeCurrency: 'CNY',
      trip: { arrival: addDays(VISIT_DAY, -1), departure: addDays(VISIT_DAY, 3), stayAddress: 'Gangnam-gu, Seoul' },
      skin: { fitzpatrick: 3, concerns: ['dullness'] },
      screening: { ...CLEAN_SCREENING },
      consents: [],
      ...(visitor.referral ? { referral: visitor.referral } : {}),
    };
    const { id } = await callService(app, 'createPatient', { patient });
    const item = visitor.done
      ? {
          treatment: 'hydrafacial' as const,
          date: VISIT_DAY,
          status: 'done' as const,
          record: { doctor: 'Dr. Kim Soo-jin', device: '', settings: {}, notes: '' },
        }
      : { treatment: 'hydrafacial' as const, date: VISIT_DAY };
    await callService(app, 'savePatientPlan', {
      patientId: id,
      expectedVersion: 0,
      plan: { items: [item], acknowledgements: [], discounts: {}, rate: null },
    });
    ids.set(visitor.latin, id);
  }
  return ids;
}

test.describe('reports', () => {
  test('the numbers for a range as charts and tables, a table as CSV, in English and Korean', async ({ app, page }, testInfo) => {
    await addVisitors(app);
    const reports = new ReportsPage(page, 'en');
    await reports.open(app.url);
    await reports.showRange(addDays(TODAY, -30), TODAY);

    await expect(reports.figure('patients')).toHaveText('4');
    await expect(reports.figure('sessions-done')).toHaveText('3');
    // The charts are drawn: one bar per nationality, per language, per referral route.
    await expect(reports.bars('nationality')).toHaveCount(3);
    await expect(reports.bars('referral')).toHaveCount(4);
    await expect(reports.card('nationality').getByRole('row', { name: /China \(CN\) 2/ })).toBeVisible();
    await expect(reports.card('referral').getByRole('row', { name: new RegExp(`${uiText('en', 'reports.notRecorded')} 1`) })).toBeVisible();
    await expect(reports.card('revenue').locator('tbody tr')).toHaveCount(1);

    const { download, text } = await reports.exportCsv('nationality');
    expect(download.suggestedFilename()).toBe(`patients-by-nationality_${addDays(TODAY, -30)}_${TODAY}.csv`);
    expect(text).toBe(
      `\uFEFF${uiText('en', 'reports.nationality')},${uiText('en', 'reports.patients')}\r\nChina (CN),2\r\nJapan (JP),1\r\nVietnam (VN),1\r\n`,
    );
    await saveScreenshot(page, 'reports-en');
    await expectNoCriticalViolations(page, testInfo, 'reports-en');

    // A range that ends before it starts is refused beside its field, and the figures stay as they were asked.
    await reports.showRange(TODAY, addDays(TODAY, -3));
    await expect(page.getByText(uiText('en', 'reports.rangeInvalid'))).toBeVisible();

    await new AppShell(page).setLanguage('ko');
    const korean = new ReportsPage(page, 'ko');
    await korean.showRange(addDays(TODAY, -30), TODAY);
    await expect(korean.figure('patients')).toHaveText('4');
    await expect(korean.card('referral').getByRole('row', { name: new RegExp(uiText('ko', 'referral.routes.agency')) })).toBeVisible();
    const csv = await korean.exportCsv('referral');
    expect(csv.text.split('\r\n')[0]).toBe(`\uFEFF${uiText('ko', 'reports.referralRoute')},${uiText('ko', 'reports.patients')}`);
    await saveScreenshot(page, 'reports-ko');
    await expectNoCriticalViolations(page, testInfo, 'reports-ko');
  });

  test('the KHIDI year lists every patient, links each gap to the intake, and exports the .xlsx', async ({ app, page }, testInfo) => {
    const ids = await addVisitors(app);
    const reports = new ReportsPage(page, 'en');
    await reports.open(app.url);
    await reports.showKhidi(YEAR);
    await expect(page.locator('[data-khidi-count]')).toHaveText(uiText('en', 'reports.khidi.count_other', { count: 4, year: YEAR }));
    await expect(reports.gaps()).toHaveCount(1);
    const gap = reports.gaps().first();
    await expect(gap).toContainText(uiText('en', 'reports.khidi.gaps.referral_route'));
    await expect(gap).toContainText(uiText('en', 'reports.khidi.gaps.unconfirmed_visit'));
    await expect(gap.getByRole('link')).toHaveAttribute('href', `#/patients/${ids.get('Nguyen Lan')}`);
    await saveScreenshot(page, 'reports-khidi-en');
    await expectNoCriticalViolations(page, testInfo, 'reports-khidi-en');

    const download = await reports.exportKhidi();
    expect(download.suggestedFilename()).toBe(`khidi-foreign-patients-${YEAR}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row, number) => {
      if (number > 1) names.push(String(row.getCell(2).value));
    });
    expect(names.sort()).toEqual(VISITORS.map((visitor) => visitor.latin).sort());

    // The gap's link opens the intake, where the referral route is recorded.
    await gap.getByRole('link').click();
    await expect(page.getByRole('heading', { name: uiText('en', 'intake.sections.referral') })).toBeVisible();
    await page.getByLabel(uiText('en', 'intake.fields.referralRoute')).selectOption('agency');
    await page.getByLabel(uiText('en', 'intake.fields.agencyName')).fill('Hanoi Health Travel');
    await page.getByLabel(uiText('en', 'intake.fields.agencyRegistrationNumber')).fill('A-2025-0301');
    await saveScreenshot(page, 'intake-referral-en');
    await page.keyboard.press('Control+s');
    await expect
      .poll(async () => (await callService(app, 'getPatient', { id: ids.get('Nguyen Lan')! })).patient.referral?.route)
      .toBe('agency');
  });
});
