// Patients are created through the form, in six scripts, and found again after a reload by any part of their
// native name, by their passport name typed without diacritics, and by a phone number typed in national form.
import { expect, test } from './support/fixtures';
import { IntakePage, type PatientInput } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService, patientCount } from './support/services';

interface Case {
  readonly patient: PatientInput;
  /** The phone as it must be stored, whatever spacing was typed. */
  readonly e164: string;
  /** Part of the native name, as a coordinator would type it. */
  readonly nativeQuery: string;
  /** Part of the passport name, lower case and without diacritics. */
  readonly latinQuery: string;
}

const CASES: readonly Case[] = [
  {
    patient: {
      nativeName: 'فاطمة الزهراء',
      latinName: 'Fatimah Al-Zahraa',
      birthDate: '1991-04-17',
      sex: 'female',
      nationality: 'SA',
      languages: ['ar', 'en'],
      phone: '+966 50 123 4567',
      homeTimeZone: 'Asia/Riyadh',
      homeCurrency: 'SAR',
      arrival: '2026-03-02',
      departure: '2026-03-12',
    },
    e164: '+966501234567',
    nativeQuery: 'الزهراء',
    latinQuery: 'zahraa',
  },
  {
    patient: {
      nativeName: 'สมหญิง ใจดี',
      latinName: 'Somying Jaidee',
      birthDate: '1988-11-05',
      sex: 'female',
      nationality: 'TH',
      languages: ['th'],
      phone: '+66 81 234 5678',
      homeTimeZone: 'Asia/Bangkok',
      homeCurrency: 'THB',
      arrival: '2026-04-10',
      departure: '2026-04-15',
    },
    e164: '+66812345678',
    nativeQuery: 'หญิง',
    latinQuery: 'jaidee',
  },
  {
    patient: {
      nativeName: '김민지',
      latinName: 'Kim Minji',
      birthDate: '1995-01-30',
      sex: 'female',
      nationality: 'KR',
      languages: ['ko'],
      phone: '+82 10-1234-5678',
      homeTimeZone: 'Asia/Seoul',
      homeCurrency: 'KRW',
      arrival: '2026-05-01',
      departure: '2026-05-03',
    },
    e164: '+821012345678',
    nativeQuery: '민지',
    latinQuery: 'minji',
  },
  {
    patient: {
      nativeName: '王芳',
      latinName: 'Wang Fang',
      birthDate: '1979-08-21',
      sex: 'female',
      nationality: 'CN',
      languages: ['zh-Hans'],
      phone: '+86 138 0013 8000',
      homeTimeZone: 'Asia/Shanghai',
      homeCurrency: 'CNY',
      arrival: '2026-02-14',
      departure: '2026-02-20',
    },
    e164: '+8613800138000',
    nativeQuery: '芳',
    latinQuery: 'wang f',
  },
  {
    patient: {
      nativeName: 'Анна Смирнова',
      latinName: 'Anna Smirnova',
      birthDate: '1990-06-12',
      sex: 'female',
      nationality: 'RU',
      languages: ['ru', 'en'],
      phone: '+7 912 345-67-89',
      homeTimeZone: 'Europe/Moscow',
      homeCurrency: 'RUB',
      arrival: '2026-06-20',
      departure: '2026-07-01',
    },
    e164: '+79123456789',
    nativeQuery: 'Смирн',
    latinQuery: 'smirnova',
  },
  {
    patient: {
      nativeName: 'Nguyễn Thị Lan',
      latinName: 'Nguyễn Thị Lan',
      birthDate: '1993-09-09',
      sex: 'female',
      nationality: 'VN',
      languages: ['vi'],
      phone: '+84 912 345 678',
      homeTimeZone: 'Asia/Ho_Chi_Minh',
      homeCurrency: 'VND',
      arrival: '2026-01-05',
      departure: '2026-01-19',
    },
    e164: '+84912345678',
    nativeQuery: 'Thị Lan',
    latinQuery: 'nguyen',
  },
];

test('patients created in six scripts are found by part of any of their names and by a national phone number', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  const ids = new Map<string, string>();

  await list.goto();
  for (const { patient, e164 } of CASES) {
    await list.newPatient();
    await intake.waitUntilReady();
    await intake.fill(patient);
    await intake.pressSave();
    const id = await intake.expectSavedAsNewPatient();
    // The saved record is what was typed: the title carries both names, and the phone is stored in E.164.
    await expect(intake.title).toContainText(patient.nativeName);
    await expect(intake.title).toContainText(patient.latinName);
    ids.set(patient.nativeName, id);
    expect((await callService(app, 'getPatient', { id })).patient.phone).toBe(e164);
    await intake.backLink.click();
    await list.waitForResults();
  }
  expect(new Set(ids.values()).size).toBe(CASES.length);
  expect(await patientCount(app)).toBe(CASES.length);

  // A reload reads everything back from the database, not from the page's memory.
  await page.reload();
  await list.goto();
  await expect(list.rows).toHaveCount(CASES.length);

  for (const { patient, nativeQuery, latinQuery } of CASES) {
    const id = ids.get(patient.nativeName)!;
    for (const query of [nativeQuery, latinQuery]) {
      await test.step(`"${query}" finds ${patient.latinName}`, async () => {
        await list.searchFor(query);
        await expect(list.rows, `search "${query}"`).toHaveCount(1);
        await expect(list.row(id)).toBeVisible();
        await expect(list.row(id).locator('.grid__cell--nativeName')).toHaveText(patient.nativeName);
      });
    }
  }

  await test.step('a phone number typed in national form finds its patient', async () => {
    const kim = ids.get('김민지')!;
    for (const query of ['010-1234-5678', '01012345678']) {
      await list.searchFor(query);
      await expect(list.rows, `search "${query}"`).toHaveCount(1);
      await expect(list.row(kim)).toBeVisible();
    }
  });

  await test.step('a query matching nobody says so', async () => {
    await list.searchFor('Zzyzx');
    await expect(list.rows).toHaveCount(0);
    await expect(list.screen.locator('p.empty')).toContainText('Zzyzx');
  });
});
