// The pure parts of the reports: sessions as report rows (and what counts as moved), revenue priced like the
// quote, the summary's groupings, and the KHIDI report's gaps.
import { describe, expect, it } from 'vitest';
import { sessionRowsOf } from '../../../src/shared/domain/reports/session-rows';
import { revenueOf, summarize } from '../../../src/shared/domain/reports/summary';
import { buildKhidiReport, countsAsVisit, type KhidiPatientRow, type KhidiVisitRow } from '../../../src/shared/domain/reports/khidi-report';
import type { ClinicSettings } from '../../../src/shared/domain/settings/clinic-settings';

const SETTINGS: ClinicSettings = {
  clinicName: 'Test',
  hours: { openWeekdays: [1, 2, 3, 4, 5, 6], opensAt: '10:00', closesAt: '19:00', closedDates: [] },
  vat: { percent: 10, pricesIncludeVat: true },
  prices: { 'pico-laser': 100_000, 'rejuran-healer': 300_000 },
  packages: [{ treatment: 'rejuran-healer', sessions: 3, priceKrw: 750_000 }],
  rooms: [],
  contact: { phone: '', messenger: '', email: '', address: '' },
  logo: null,
  idleLockMinutes: 5,
  backup: { folder: '', keep: 30 },
  retentionYears: 10,
};

describe('session rows', () => {
  it('keep a session that kept its date, mark one whose date changed as moved, and remember it', () => {
    const first = sessionRowsOf(
      { items: [{ treatment: 'ipl', date: '2026-03-02' }, { treatment: 'ipl', date: '2026-03-09' }, { treatment: 'fraxel' }] },
      [],
    );
    expect(first.map((row) => row.moved)).toEqual([0, 0, 0]);
    // The second ipl moves a day later; fraxel is dated for the first time (not a move).
    const second = sessionRowsOf(
      {
        items: [
          { treatment: 'ipl', date: '2026-03-02' },
          { treatment: 'ipl', date: '2026-03-10' },
          { treatment: 'fraxel', date: '2026-03-04' },
        ],
      },
      first,
    );
    expect(second.map((row) => row.moved)).toEqual([0, 1, 0]);
    // Marking it done later keeps the moved mark.
    const third = sessionRowsOf(
      {
        items: [
          { treatment: 'ipl', date: '2026-03-02' },
          { treatment: 'ipl', date: '2026-03-10', status: 'done' },
        ],
      },
      second,
    );
    expect(third.map((row) => [row.moved, row.status])).toEqual([
      [0, 'scheduled'],
      [1, 'done'],
    ]);
  });

  it('tell by the session id two sessions that swapped days (both moved) from sessions that kept theirs', () => {
    const [a, b] = ['7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a0a', '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a0b'];
    const first = sessionRowsOf(
      {
        items: [
          { id: a, treatment: 'ipl', date: '2026-03-02' },
          { id: b, treatment: 'ipl', date: '2026-03-09' },
        ],
      },
      [],
    );
    expect(first.map((row) => row.sessionId)).toEqual([a, b]);
    const swapped = sessionRowsOf(
      {
        items: [
          { id: a, treatment: 'ipl', date: '2026-03-09' },
          { id: b, treatment: 'ipl', date: '2026-03-02' },
        ],
      },
      first,
    );
    expect(swapped.map((row) => row.moved)).toEqual([1, 1]);
    // Reordered in the plan but on their own days: nothing moved.
    const reordered = sessionRowsOf(
      {
        items: [
          { id: b, treatment: 'ipl', date: '2026-03-09' },
          { id: a, treatment: 'ipl', date: '2026-03-02' },
        ],
      },
      first,
    );
    expect(reordered.map((row) => row.moved)).toEqual([0, 0]);
    // Rows written before ids (sessionId null) are matched by treatment and date, as before.
    const legacy = first.map((row) => ({ ...row, sessionId: null }));
    expect(
      sessionRowsOf(
        {
          items: [
            { id: a, treatment: 'ipl', date: '2026-03-02' },
            { id: b, treatment: 'ipl', date: '2026-03-10' },
          ],
        },
        legacy,
      ).map((row) => row.moved),
    ).toEqual([0, 1]);
  });

  it('carry the line discount and how many sessions the line holds', () => {
    const rows = sessionRowsOf(
      {
        items: [
          { treatment: 'ipl', date: null },
          { treatment: 'ipl', date: null },
        ],
        discounts: { ipl: 15 },
      },
      [],
    );
    expect(rows[0]).toMatchObject({ discountPercent: 15, lineSessions: 2, status: 'scheduled', date: null });
  });
});

describe('revenue', () => {
  it('spreads the quoted line (discount, package) evenly over its sessions, and says when a price is not set', () => {
    expect(revenueOf({ treatment: 'pico-laser', discountPercent: 10, lineSessions: 2, sessions: 1 }, SETTINGS)).toBe(90_000);
    // Three Rejuran at the package price: 750,000 for three, 250,000 each.
    expect(revenueOf({ treatment: 'rejuran-healer', discountPercent: 0, lineSessions: 3, sessions: 2 }, SETTINGS)).toBe(500_000);
    expect(revenueOf({ treatment: 'ipl', discountPercent: 0, lineSessions: 1, sessions: 4 }, SETTINGS)).toBeNull();
  });

  it('sums by treatment in the summary, with the patients grouped three ways', () => {
    const summary = summarize({
      from: '2026-01-01',
      to: '2026-12-31',
      groups: [
        { nationality: 'CN', language: 'zh-Hans', route: 'agency', patients: 3 },
        { nationality: 'CN', language: 'en', route: null, patients: 1 },
        { nationality: 'JP', language: 'ja', route: 'direct', patients: 2 },
      ],
      sessions: [
        { status: 'done', sessions: 5, moved: 1 },
        { status: 'no_show', sessions: 2, moved: 0 },
      ],
      followUps: { due: 4, done: 2, overdue: 1 },
      done: [
        { treatment: 'pico-laser', discountPercent: 0, lineSessions: 1, sessions: 3 },
        { treatment: 'pico-laser', discountPercent: 50, lineSessions: 1, sessions: 1 },
        { treatment: 'ipl', discountPercent: 0, lineSessions: 1, sessions: 1 },
      ],
      settings: SETTINGS,
    });
    expect(summary.patients).toBe(6);
    expect(summary.byNationality).toEqual([
      { key: 'CN', patients: 4 },
      { key: 'JP', patients: 2 },
    ]);
    expect(summary.byReferral).toEqual([
      { key: 'agency', patients: 3 },
      { key: 'direct', patients: 2 },
      { key: '', patients: 1 },
    ]);
    expect(summary.sessions).toEqual({ done: 5, moved: 1, noShow: 2, cancelled: 0, scheduled: 0 });
    expect(summary.revenue).toEqual([
      { treatment: 'pico-laser', sessions: 4, revenueKrw: 350_000 },
      { treatment: 'ipl', sessions: 1, revenueKrw: null },
    ]);
    expect(summary.revenueTotalKrw).toBe(350_000);
  });
});

describe('the KHIDI report', () => {
  const patient = (seq: number, overrides: Partial<KhidiPatientRow> = {}): KhidiPatientRow => ({
    seq,
    patientId: `p${seq}`,
    nativeName: '王芳',
    latinName: 'Wang Fang',
    nationality: 'CN',
    birthDate: '1991-04-12',
    sex: 'female',
    referralRoute: 'direct',
    agencyName: '',
    agencyRegistration: '',
    referrer: '',
    ...overrides,
  });
  const visit = (patientSeq: number, overrides: Partial<KhidiVisitRow> = {}): KhidiVisitRow => ({
    patientSeq,
    treatment: 'ipl',
    date: '2026-03-02',
    status: 'done',
    ...overrides,
  });

  it('makes one line per patient with the treatments of the year, and lists each gap', () => {
    const report = buildKhidiReport(
      2026,
      [
        patient(1),
        patient(2, { nationality: '', birthDate: '', sex: 'other', referralRoute: null }),
        patient(3, { referralRoute: 'agency', agencyName: 'Seoul Medi Tour' }),
        patient(4),
      ],
      [visit(1, { date: '2026-03-09', treatment: 'fraxel' }), visit(1), visit(2, { status: 'scheduled' }), visit(3)],
      new Map([[1, { done: 2, total: 5 }]]),
    );
    // Patient 4 had no visit in the year: not in the report.
    expect(report.patients.map((p) => p.patientId)).toEqual(['p1', 'p2', 'p3']);
    expect(report.patients[0]).toMatchObject({
      birthYear: 1991,
      treatments: ['ipl', 'fraxel'],
      sessions: 2,
      firstVisit: '2026-03-02',
      lastVisit: '2026-03-09',
      followUps: { done: 2, total: 5 },
      gaps: [],
    });
    expect(report.withGaps).toEqual([
      {
        patientId: 'p2',
        nativeName: '王芳',
        latinName: 'Wang Fang',
        gaps: ['nationality', 'birth_year', 'sex', 'referral_route', 'unconfirmed_visit'],
      },
      { patientId: 'p3', nativeName: '王芳', latinName: 'Wang Fang', gaps: ['agency_details'] },
    ]);
  });

  it('counts a session as a visit when done, or still scheduled on a day already past', () => {
    expect(countsAsVisit('done', '2026-11-24', '2026-11-24')).toBe(true);
    // A session in the future is no visit, whatever its status says.
    expect(countsAsVisit('done', '2026-12-30', '2026-11-24')).toBe(false);
    expect(countsAsVisit('scheduled', '2026-11-24', '2026-11-24')).toBe(true);
    expect(countsAsVisit('scheduled', '2026-11-25', '2026-11-24')).toBe(false);
    expect(countsAsVisit('no_show', '2026-03-01', '2026-11-24')).toBe(false);
  });
});

describe('CSV', () => {
  it('quotes what must be quoted, keeps numbers, and never lets a cell become a formula', async () => {
    const { toCsv } = await import('../../../src/shared/domain/reports/csv');
    const text = toCsv(
      ['국적', 'patients'],
      [
        ['CN, "mainland"', 3],
        ['=HYPERLINK("x")', -1],
        [null, 0],
      ],
    );
    expect(text).toBe('\uFEFF국적,patients\r\n"CN, ""mainland""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n,0\r\n');
  });
});
