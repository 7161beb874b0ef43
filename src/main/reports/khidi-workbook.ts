// The KHIDI report as a real .xlsx (exceljs), with Korean column headers as the upload expects: one sheet of
// patients, one of the gaps still to fix. Patients with gaps are on the first sheet too, marked, never left out.
import type { Catalog } from '../../shared/domain/catalog/catalog-schema';
import type { KhidiGap, KhidiReport } from '../../shared/domain/reports/khidi-report';
import type { ReferralRoute } from '../../shared/domain/intake/vocabulary';

export const KHIDI_SHEET = '외국인환자 유치실적';
export const KHIDI_GAPS_SHEET = '보완 필요';

/** The columns in order: key (for tests and readers) and the Korean header. */
export const KHIDI_COLUMNS = [
  ['no', '번호'],
  ['latinName', '성명(여권 영문)'],
  ['nativeName', '성명(본국 표기)'],
  ['nationality', '국적'],
  ['nationalityCode', '국적 코드'],
  ['birthYear', '출생연도'],
  ['sex', '성별'],
  ['route', '유치경로'],
  ['agencyName', '유치업자명'],
  ['agencyRegistration', '유치업자 등록번호'],
  ['referrer', '의뢰 병원·의사 / 플랫폼'],
  ['treatments', '진료 내용(시술)'],
  ['sessions', '진료 횟수'],
  ['firstVisit', '첫 진료일'],
  ['lastVisit', '마지막 진료일'],
  ['followUps', '사후관리(완료/전체)'],
  ['gaps', '보완 필요 항목'],
  ['patientId', '환자 ID'],
] as const;

export const ROUTE_KO: Record<ReferralRoute, string> = {
  direct: '직접 내원',
  agency: '등록 유치업자',
  hospital_referral: '병원·의사 의뢰',
  online_platform: '온라인 플랫폼',
  returning: '재방문',
};

export const GAP_KO: Record<KhidiGap, string> = {
  nationality: '국적 없음',
  birth_year: '출생연도 없음',
  sex: '성별 확인 필요(남/여)',
  referral_route: '유치경로 없음',
  agency_details: '유치업자명·등록번호 없음',
  korean_national: '한국 국적: 재외국민 여부 확인',
  unconfirmed_visit: '진료 완료 기록 없음',
};

const SEX_KO = { female: '여', male: '남' } as const;

export async function writeKhidiWorkbook(report: KhidiReport, catalog: Catalog, createdAt: Date): Promise<Buffer> {
  const countryKo = new Intl.DisplayNames(['ko'], { type: 'region' });
  const treatmentKo = new Map(catalog.map((treatment) => [treatment.id as string, treatment.names.ko]));
  // exceljs takes about 200 ms to load; loaded here, it costs only the reports that write a workbook, not every
  // start of the CLI, the preview and the app.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ClinicDesk';
  // Pinned by the caller, so the same data gives the same file.
  workbook.created = createdAt;
  workbook.modified = createdAt;

  const sheet = workbook.addWorksheet(KHIDI_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = KHIDI_COLUMNS.map(([key, header]) => ({ key, header, width: Math.max(10, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  report.patients.forEach((patient, index) => {
    sheet.addRow({
      no: index + 1,
      latinName: patient.latinName,
      nativeName: patient.nativeName,
      nationality: patient.nationality ? (countryKo.of(patient.nationality) ?? patient.nationality) : '',
      nationalityCode: patient.nationality ?? '',
      birthYear: patient.birthYear ?? '',
      sex: patient.sex ? SEX_KO[patient.sex] : '',
      route: patient.referral ? ROUTE_KO[patient.referral.route] : '',
      agencyName: patient.referral?.agencyName ?? '',
      agencyRegistration: patient.referral?.agencyRegistration ?? '',
      referrer: patient.referral?.referrer ?? '',
      treatments: patient.treatments.map((id) => treatmentKo.get(id) ?? id).join(', '),
      sessions: patient.sessions,
      firstVisit: patient.firstVisit,
      lastVisit: patient.lastVisit,
      followUps: `${patient.followUps.done}/${patient.followUps.total}`,
      gaps: patient.gaps.map((gap) => GAP_KO[gap]).join(', '),
      patientId: patient.patientId,
    });
  });

  const gaps = workbook.addWorksheet(KHIDI_GAPS_SHEET);
  gaps.columns = [
    { key: 'latinName', header: '성명(여권 영문)', width: 28 },
    { key: 'nativeName', header: '성명(본국 표기)', width: 20 },
    { key: 'gaps', header: '보완 필요 항목', width: 50 },
    { key: 'patientId', header: '환자 ID', width: 40 },
  ];
  gaps.getRow(1).font = { bold: true };
  for (const patient of report.withGaps) {
    gaps.addRow({ ...patient, gaps: patient.gaps.map((gap) => GAP_KO[gap]).join(', ') });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
