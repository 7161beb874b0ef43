// The KHIDI spreadsheet, written for a generated year of patients and read back with exceljs: every patient of the
// year is there with nationality and birth year, and the patients with gaps are listed, not dropped.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KHIDI_COLUMNS, KHIDI_GAPS_SHEET, KHIDI_SHEET } from '../../../src/main/reports/khidi-workbook';
import { openTestServices, type TestServices } from '../../support/test-services';
import { addReportPatients, type GeneratedReportPatient } from '../../support/report-patients';

let services: TestServices;
let patients: GeneratedReportPatient[];
beforeEach(async () => {
  services = await openTestServices();
  patients = await addReportPatients(services, 72);
});
afterEach(() => services.dispose());

const column = (key: (typeof KHIDI_COLUMNS)[number][0]) => KHIDI_COLUMNS.findIndex(([name]) => name === key) + 1;

describe('the KHIDI annual report', () => {
  it('writes every patient seen in the year, with nationality and birth year, and reads back the same', async () => {
    const result = await services.dispatch('exportKhidiReport', { year: 2026 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.value.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(KHIDI_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...KHIDI_COLUMNS.map(([, header]) => header)]);

    const rows = new Map<string, { nationalityCode: string; birthYear: number; gaps: string }>();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      rows.set(String(row.getCell(column('patientId')).value), {
        nationalityCode: String(row.getCell(column('nationalityCode')).value),
        birthYear: Number(row.getCell(column('birthYear')).value),
        gaps: String(row.getCell(column('gaps')).value ?? ''),
      });
    });
    const expected = patients.filter((patient) => patient.inYear);
    expect(rows.size).toBe(expected.length);
    expect(result.value.patients).toBe(expected.length);
    for (const patient of expected) {
      expect(rows.get(patient.id), patient.latinName).toMatchObject({ nationalityCode: patient.nationality, birthYear: patient.birthYear });
    }
    for (const patient of patients.filter((p) => !p.inYear)) expect(rows.has(patient.id)).toBe(false);

    // Gaps: on the patient's own line and on the second sheet, one line each.
    const gapIds = new Set<string>();
    workbook.getWorksheet(KHIDI_GAPS_SHEET)!.eachRow((row, number) => {
      if (number > 1) gapIds.add(String(row.getCell(4).value));
    });
    const needFix = expected.filter((p) => !p.hasRoute || p.sex === 'other' || p.nationality === 'KR' || !p.done);
    expect(needFix.length).toBeGreaterThan(5);
    expect([...gapIds].sort()).toEqual(needFix.map((p) => p.id).sort());
    for (const patient of needFix) expect(rows.get(patient.id)!.gaps).not.toBe('');
    expect(result.value.withGaps).toBe(needFix.length);
  });

  it('names each gap by patient, so the screen can link to the intake', async () => {
    const result = await services.dispatch('getKhidiReport', { year: 2026 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const byId = new Map(result.value.withGaps.map((entry) => [entry.patientId, entry.gaps]));
    for (const patient of patients.filter((p) => p.inYear)) {
      const gaps = byId.get(patient.id) ?? [];
      expect(gaps.includes('referral_route'), patient.latinName).toBe(!patient.hasRoute);
      expect(gaps.includes('sex'), patient.latinName).toBe(patient.sex === 'other');
      expect(gaps.includes('korean_national')).toBe(patient.nationality === 'KR');
      expect(gaps.includes('unconfirmed_visit')).toBe(!patient.done);
    }
  });

  it('shows the screen the first lines and gaps with the totals; the spreadsheet keeps them all', async () => {
    const result = await services.dispatch('getKhidiReport', { year: 2026, limit: 5 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.patients).toHaveLength(5);
    expect(result.value.withGaps).toHaveLength(5);
    expect(result.value.totalPatients).toBe(patients.filter((p) => p.inYear).length);
    expect(result.value.totalWithGaps).toBeGreaterThan(5);
  });

  it('refuses a year that is not one, with its field, and changes nothing', async () => {
    const before = await services.snapshot();
    const result = await services.dispatch('exportKhidiReport', { year: 1800 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['year'], code: 'invalid' }] } });
    expect(await services.snapshot()).toBe(before);
  });
});
