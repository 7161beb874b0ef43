import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { FIXTURES, fixtureCase } from '../../support/temp-services';
import ExcelJS from 'exceljs';
import mongolianHandout from '../../../resources/locales/mn/handout.json';
import { pdfText } from '../handouts/pdf-tools';
import iconv from 'iconv-lite';
import { openServices } from '../../../src/main/services/open-services';
import { addReportPatients } from '../../support/report-patients';
import { openTestDatabase, TEST_KEY, writeTestKeyFile } from '../../support/test-key';
import { newAnchorKey } from '../../../src/main/security/anchor-key';
import { positionalSessionId } from '../../../src/shared/domain/plan/plan-schema';

let folder: string;
let db: string;
let keyFile: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-cli-'));
  db = join(folder, 'cli.sqlite');
  keyFile = writeTestKeyFile(folder);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--key-file', keyFile, ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What the CLI writes for a person to take away holds patient data outside the encrypted database. */
function expectOwnerOnly(path: string): void {
  if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
}

function rowsOf(path: string): string {
  const handle = openTestDatabase(path, { readonly: true });
  const rows = JSON.stringify([handle.prepare('SELECT * FROM patients').all(), handle.prepare('SELECT * FROM consents').all()]);
  handle.close();
  return rows;
}

describe('the CLI', () => {
  it('checks the audit log: intact, then altered at one entry (exit 1)', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'), join(FIXTURES, 'cases', 'ar.json'));
    const intact = await cli('audit', 'verify');
    expect(intact.code).toBe(0);
    // Without an anchor key the log's own chain is all there is to check, and the CLI says what that leaves open.
    expect(intact.out.split('\n')).toEqual([
      'The audit log is intact: 2 entries.',
      expect.stringMatching(/^No audit anchor key: nothing is anchored, so a tail cut off/),
    ]);
    const handle = openTestDatabase(db);
    handle.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 2");
    handle.close();
    const altered = await cli('audit', 'verify', '--json');
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.out)).toMatchObject({
      checked: 2,
      firstBroken: { seq: 2, reason: 'wrong_hash' },
      entries: 2,
      anchor: { keyed: false, against: 'none' },
    });
  });

  it('imports case files, searches them as JSON, and exports one back equal', async () => {
    const files = ['ko', 'ar', 'th'].map((language) => join(FIXTURES, 'cases', `${language}.json`));
    const imported = await cli('patients', 'import', ...files);
    expect(imported).toMatchObject({ code: 0, out: 'Imported 3 patients.' });
    const found = await cli('patients', 'search', 'ชนก', '--json');
    expect(found.code).toBe(0);
    const { rows } = JSON.parse(found.out) as { rows: { id: string; nativeName: string }[] };
    expect(rows.map((row) => row.id)).toEqual([fixtureCase('th').patient.id]);
    const out = join(folder, 'out.json');
    expect((await cli('patients', 'export', rows[0]!.id, '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(fixtureCase('th'));
    expectOwnerOnly(out);
  });

  it('refuses a CSV with one bad row with exit 2, naming the file, line and column, and imports nothing', async () => {
    await cli('info');
    const result = await cli('patients', 'import', join(FIXTURES, 'bookings', 'good.csv'), join(FIXTURES, 'bookings', 'one-bad-row.csv'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('one-bad-row.csv line 5, phone: Not a valid phone number');
    expect(JSON.parse((await cli('info', '--json')).out).patientCount).toBe(0);
  });

  it('imports a Shift-JIS bookings file read from disk as bytes, says the encoding, and takes --encoding', async () => {
    const utf8 = readFileSync(join(FIXTURES, 'bookings', 'good.csv'), 'utf8').split('\n');
    // The Chinese patient of the fixture, as a Japanese agency would send one: a Japanese name, Shift-JIS.
    const japanese = [utf8[0], utf8[1]!.replace('周晓梅', '佐藤花子').replace(',CN,zh-Hans,', ',JP,ja,')].join('\r\n');
    const file = join(folder, 'tokyo.csv');
    writeFileSync(file, iconv.encode(japanese, 'shift_jis'));
    expect(await cli('patients', 'import', file, '--encoding', 'latin-9')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown encoding latin-9'),
    });
    expect(await cli('patients', 'import', file, '--encoding', 'euc-kr')).toMatchObject({
      code: 2,
      err: expect.stringContaining('do not read as text'),
    });
    expect(await cli('patients', 'import', file)).toMatchObject({ code: 0, out: 'Imported 1 patient (tokyo.csv: shift_jis).' });
    const found = await cli('patients', 'search', '花子', '--json');
    expect((JSON.parse(found.out) as { rows: { nativeName: string }[] }).rows.map((row) => row.nativeName)).toEqual(['佐藤花子']);
  });

  it('says what is wrong with a missing file, an unknown command and an unknown patient', async () => {
    expect(await cli('patients', 'import', join(folder, 'nope.json'))).toMatchObject({ code: 2, err: expect.stringContaining('ENOENT') });
    expect(await cli('patients', 'fly')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command') });
    expect(await cli('patients', 'export', 'not-a-uuid')).toMatchObject({ code: 2, err: expect.stringContaining('id: Not a valid value') });
  });

  it('report khidi writes the year as .xlsx and names the gaps; report summary prints the numbers as JSON', async () => {
    const services = openServices({ databasePath: db, key: TEST_KEY, now: () => new Date('2026-11-24T01:00:00Z') });
    const patients = await addReportPatients(services, 14);
    services.close();
    const out = join(folder, 'khidi.xlsx');
    const khidi = await cli('report', 'khidi', '--year', '2026', '--out', out);
    const seen = patients.filter((p) => p.inYear).length;
    expect(khidi).toMatchObject({ code: 0, out: `Wrote ${seen} patients to ${out}.`, err: expect.stringContaining('need attention') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.rowCount).toBe(seen + 1);
    expectOwnerOnly(out);

    const summary = await cli('report', 'summary', '--from', '2026-01-01', '--to', '2026-12-31', '--json');
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.out)).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      patients: expect.any(Number),
      revenue: expect.any(Array),
    });
  });

  it('report commands refuse a bad year or range with exit 2, naming the field', async () => {
    expect(await cli('report', 'khidi', '--year', '20x6', '--out', join(folder, 'x.xlsx'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('year:'),
    });
    expect(await cli('report', 'summary', '--from', '2026-02-30', '--to', '2026-03-01')).toMatchObject({
      code: 2,
      err: expect.stringContaining('from: Use a real date'),
    });
    expect(await cli('report', 'summary', '--from', '2026-03-01')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Required option '--to <date>' not specified"),
    });
  });

  it('demo adds the demo patients', async () => {
    expect(await cli('demo')).toMatchObject({ code: 0, out: 'Added 20 demo patients.' });
  });

  it('never changes the database for an import file it refuses (property)', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'vi.json'));
    const valid = fixtureCase('mn');
    const files = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({ key: fc.constantFrom(...Object.keys(valid.patient)), value: fc.anything() })
        .map(({ key, value }) => JSON.stringify({ ...valid, patient: { ...valid.patient, [key]: value === undefined ? 'x' : value } })),
    );
    await fc.assert(
      fc.asyncProperty(files, async (text) => {
        const file = join(folder, 'fuzz.json');
        writeFileSync(file, text);
        // Taken each run: a mutation that is still a valid, new patient imports, and changes the baseline.
        const before = rowsOf(db);
        const result = await cli('patients', 'import', file);
        if (result.code === 0) return;
        expect(result.code).toBe(2);
        expect(rowsOf(db)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the audit anchor', () => {
  let anchorKeyFile: string;
  beforeEach(() => {
    anchorKeyFile = join(folder, 'anchor.key');
    writeFileSync(anchorKeyFile, `${newAnchorKey().toString('hex')}\n`, { mode: 0o600 });
  });
  const keyed = (...args: string[]) => cli('--anchor-key-file', anchorKeyFile, ...args);
  const cutTail = (keep: number) => {
    const handle = openTestDatabase(db);
    handle.exec('DROP TRIGGER audit_log_no_delete');
    handle.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    handle.close();
  };

  it('audit anchor prints a paper code; verify shows it, and reports a cut tail (exit 1) against the anchor', async () => {
    await cli(
      'patients',
      'import',
      join(FIXTURES, 'cases', 'ko.json'),
      join(FIXTURES, 'cases', 'ar.json'),
      join(FIXTURES, 'cases', 'th.json'),
    );
    const anchored = await keyed('audit', 'anchor');
    expect(anchored.code).toBe(0);
    const code = /Keep this code on paper: (\S+)$/.exec(anchored.out)![1]!;
    expect(code).toMatch(/^3-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await keyed('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringContaining(`its code: ${code}`) });
    cutTail(1);
    // The chain alone still reads as intact; the anchor says otherwise.
    const cut = await keyed('audit', 'verify');
    expect(cut).toMatchObject({
      code: 1,
      out: 'The audit log is intact: 1 entry.',
      err: expect.stringContaining('The audit log was cut: 1 entry, fewer than the anchor of'),
    });
    expect(await keyed('audit', 'anchor')).toMatchObject({ code: 1, err: expect.stringContaining('Not anchored') });
  });

  it('audit verify --code detects a cut tail even without the anchor key or the anchors file', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'), join(FIXTURES, 'cases', 'ar.json'));
    const code = /Keep this code on paper: (\S+)$/.exec((await keyed('audit', 'anchor')).out)![1]!;
    rmSync(join(folder, 'clinicdesk-audit-anchors.jsonl'));
    cutTail(1);
    expect(await cli('audit', 'verify')).toMatchObject({ code: 0 });
    const typed = await cli('audit', 'verify', '--code', code, '--json');
    expect(typed.code).toBe(1);
    expect(JSON.parse(typed.out)).toMatchObject({
      entries: 1,
      anchor: { against: 'code', anchoredCount: 2, finding: 'cut_tail', rewriteChecked: false },
    });
    expect(await cli('audit', 'verify', '--code', 'nonsense')).toMatchObject({ code: 2, err: expect.stringContaining('code') });
  });

  it('reports a forged line in the anchors file (exit 1)', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'));
    await keyed('audit', 'anchor');
    const file = join(folder, 'clinicdesk-audit-anchors.jsonl');
    const [line] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${line}\n${JSON.stringify({ ...JSON.parse(line!), count: 0 })}\n`);
    expect(await keyed('audit', 'verify')).toMatchObject({
      code: 1,
      err: expect.stringContaining('was tampered with: line 2 is not an anchor'),
    });
  });

  it('backup anchors beside the database and in the backup folder; without the key, audit anchor refuses (exit 2)', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'));
    const out = join(folder, 'backups');
    // Two entries: the import's and the backup's own.
    expect(await keyed('backup', '--out', out)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Audit log anchored (2 entries); code: 2-'),
    });
    expect(readFileSync(join(out, 'clinicdesk-audit-anchors.jsonl'), 'utf8')).toBe(
      readFileSync(join(folder, 'clinicdesk-audit-anchors.jsonl'), 'utf8'),
    );
    expect(await cli('audit', 'anchor')).toMatchObject({ code: 2, err: expect.stringContaining('No audit anchor key') });
  });

  it('after a restore, the log is shorter than the newest anchor until it is anchored as restored', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'));
    const out = join(folder, 'backups');
    await keyed('backup', '--out', out);
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ar.json'), join(FIXTURES, 'cases', 'th.json'));
    await keyed('audit', 'anchor');
    const [backup] = readdirSync(out).filter((name) => name.endsWith('.cdbackup'));
    expect(await keyed('restore', join(out, backup!))).toMatchObject({
      code: 0,
      out: expect.stringContaining('audit anchor --after-restore'),
    });
    expect(await keyed('audit', 'verify')).toMatchObject({ code: 1, err: expect.stringContaining('The audit log was cut') });
    expect(await keyed('audit', 'anchor')).toMatchObject({ code: 1, err: expect.stringContaining('cut_tail') });
    expect(await keyed('audit', 'anchor', '--after-restore')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Anchored at 1 entry'),
    });
    expect(await keyed('audit', 'verify')).toMatchObject({ code: 0 });
  });

  it('someone holding both keys can cut the log and re-anchor it unseen here; the anchors copied into the backup folder show it', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'), join(FIXTURES, 'cases', 'ar.json'));
    const out = join(folder, 'backups');
    await keyed('backup', '--out', out);
    const handle = openTestDatabase(db);
    handle.exec('DROP TRIGGER audit_log_no_delete');
    handle.prepare('DELETE FROM audit_log WHERE seq > 1').run();
    handle.close();
    expect(await keyed('audit', 'anchor', '--after-restore')).toMatchObject({ code: 0 });
    expect(await keyed('audit', 'verify')).toMatchObject({ code: 0 });
    const copy = await keyed('audit', 'verify', '--anchors', join(out, 'clinicdesk-audit-anchors.jsonl'));
    expect(copy).toMatchObject({ code: 1, err: expect.stringContaining('The audit log was cut: 1 entry, fewer than the anchor of') });
    expect(await keyed('audit', 'verify', '--anchors', join(folder, 'nowhere.jsonl'))).toMatchObject({ code: 2 });
  });

  it('refuses the database key as the anchor key, and a malformed one, before opening anything', async () => {
    expect(await cli('--anchor-key-file', keyFile, 'info')).toMatchObject({ code: 2, err: expect.stringContaining('is the database key') });
    writeFileSync(anchorKeyFile, 'short');
    expect(await keyed('info')).toMatchObject({ code: 2, err: expect.stringContaining('anchor key') });
    expect(existsSync(db)).toBe(false);
  });
});

describe('the database key', () => {
  const bare = async (args: string[], env: Record<string, string | undefined> = {}) => {
    const saved = process.env.CLINICDESK_KEY;
    if ('CLINICDESK_KEY' in env) process.env.CLINICDESK_KEY = env.CLINICDESK_KEY;
    else delete process.env.CLINICDESK_KEY;
    const err: string[] = [];
    try {
      const code = await runCli(args, { out: () => {}, err: (text) => err.push(text) });
      return { code, err: err.join('\n') };
    } finally {
      if (saved === undefined) delete process.env.CLINICDESK_KEY;
      else process.env.CLINICDESK_KEY = saved;
    }
  };
  const inner = () => join(folder, 'new', 'cli.sqlite');

  it('without a key, or with a malformed one, stops with a clear message and creates nothing', async () => {
    const missing = await bare(['--db', inner(), 'info']);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('No database key') });
    expect(missing.err).toContain('CLINICDESK_KEY');
    const badFile = join(folder, 'bad.key');
    writeFileSync(badFile, 'not a key');
    expect(await bare(['--db', inner(), '--key-file', badFile, 'info'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('64 hexadecimal'),
    });
    expect(await bare(['--db', inner(), 'info'], { CLINICDESK_KEY: '12ab' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('64 hexadecimal'),
    });
    expect(await bare(['--db', inner(), '--key-file', join(folder, 'nope.key'), 'info'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('ENOENT'),
    });
    expect(existsSync(join(folder, 'new'))).toBe(false);
  });

  it('takes the key from CLINICDESK_KEY, and refuses a wrong key without changing the file', async () => {
    expect((await bare(['--db', db, 'info'], { CLINICDESK_KEY: TEST_KEY.toString('hex') })).code).toBe(0);
    const before = readFileSync(db);
    const wrong = await bare(['--db', db, 'info'], { CLINICDESK_KEY: 'ab'.repeat(32) });
    expect(wrong).toMatchObject({ code: 2, err: expect.stringContaining('cannot be read with this key') });
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('the plan commands', () => {
  function writeCase(plan: unknown, patch: (p: Record<string, any>) => void = () => {}): string {
    const caseFile = fixtureCase('zh-Hans') as { patient: Record<string, any> };
    caseFile.patient.trip = { ...caseFile.patient.trip, arrival: '2026-12-01', departure: '2026-12-15' };
    caseFile.patient.screening.allergies = { items: ['fish'], other: '' };
    patch(caseFile.patient);
    const file = join(folder, 'plan.json');
    writeFileSync(file, JSON.stringify({ ...caseFile, plan }));
    return file;
  }

  it('plan check prints the findings as JSON, with the rule, severity, treatment, date and message, and exits 0', async () => {
    const file = writeCase({
      items: [
        { treatment: 'rejuran-healer', date: '2026-12-03' },
        { treatment: 'hydrafacial', date: '2026-11-28' },
      ],
    });
    const result = await cli('plan', 'check', file, '--json');
    expect(result.code).toBe(0);
    const { findings } = JSON.parse(result.out) as { findings: Record<string, unknown>[] };
    expect(findings.every((f) => Object.keys(f).join() === 'rule,severity,treatment,date,message')).toBe(true);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'fish-allergy-salmon-pn', severity: 'block', treatment: 'rejuran-healer', date: '2026-12-03' }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'schedule-outside-stay', treatment: 'hydrafacial', date: '2026-11-28' }),
    );
    const korean = JSON.parse((await cli('plan', 'check', file, '--json', '--lang', 'ko')).out) as { findings: { message: string }[] };
    expect(korean.findings[0]!.message).toMatch(/[가-힣]/);
  });

  it('plan schedule fills the dates of items without one, inside the stay', async () => {
    const file = writeCase({
      items: [{ treatment: 'pico-laser' }, { treatment: 'hydrafacial', date: '2026-12-02' }, { treatment: 'ipl' }],
    });
    // As of the day before the stay (the scheduler never books a day already past, so the test fixes "today").
    const result = await cli('plan', 'schedule', file, '--json', '--at', '2026-11-30T10:00:00+09:00');
    expect(result.code).toBe(0);
    const { caseFile } = JSON.parse(result.out) as { caseFile: { plan: { items: { treatment: string; date: string }[] } } };
    expect(caseFile.plan.items).toHaveLength(3);
    for (const item of caseFile.plan.items) expect(item.date >= '2026-12-01' && item.date < '2026-12-15').toBe(true);
    expect(caseFile.plan.items).toContainEqual(expect.objectContaining({ treatment: 'hydrafacial', date: '2026-12-02' }));
  });

  it("plan schedule keeps each session's id, and a cancelled session as it was, neither placed nor in the way", async () => {
    const cancelled = {
      id: '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a03',
      treatment: 'pico-laser',
      date: '2026-12-02',
      time: '10:00',
      status: 'cancelled',
    };
    const file = writeCase({
      items: [cancelled, { id: '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a04', treatment: 'pico-laser' }, { treatment: 'ipl' }],
    });
    const result = await cli('plan', 'schedule', file, '--json', '--at', '2026-11-30T10:00:00+09:00');
    expect(result.code).toBe(0);
    const { caseFile } = JSON.parse(result.out) as {
      caseFile: { plan: { items: { id: string; treatment: string; date: string | null }[] } };
    };
    expect(caseFile.plan.items).toContainEqual(cancelled);
    const pico = caseFile.plan.items.find((item) => item.id === '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a04')!;
    // The cancelled session holds no day: counted, it would push the pico laser's 14-day interval past the stay.
    expect(pico.date! >= '2026-12-01' && pico.date! < '2026-12-15').toBe(true);
    expect(pico).not.toHaveProperty('nextVisit');
    expect(caseFile.plan.items.find((item) => item.treatment === 'ipl')!.id).toBe(positionalSessionId(2));
  });

  it('plan check prints the isotretinoin finding of a CO2 moved to a next visit, with the first day it allows', async () => {
    // Last dose two months before arrival (2026-12-01); the CO2 is at a next visit, without a date.
    const file = writeCase(
      {
        items: [
          { treatment: 'laser-toning', date: '2026-12-02' },
          { treatment: 'fractional-co2', nextVisit: true },
        ],
      },
      (p) => {
        p.screening.isotretinoinLastDose = '2026-10-01';
      },
    );
    const result = await cli('plan', 'check', file, '--json', '--at', '2026-11-30T10:00:00+09:00');
    expect(result.code).toBe(0);
    const { findings } = JSON.parse(result.out) as {
      findings: { rule: string; treatment: string; date: string | null; timing?: unknown; note?: string }[];
    };
    const co2 = findings.filter((f) => f.treatment === 'fractional-co2' && f.rule.startsWith('isotretinoin'));
    expect(co2.length).toBeGreaterThan(0);
    expect(co2[0]).toMatchObject({
      date: null,
      timing: { kind: 'next-visit', notBefore: '2027-04-02' },
      note: 'Next visit: not before 2027-04-02.',
    });
    const text = await cli('plan', 'check', file, '--at', '2026-11-30T10:00:00+09:00');
    expect(text.out).toMatch(/fractional-co2\tNext visit: not before 2027-04-02\. .*\[isotretinoin/);
  });

  it('plan schedule leaves a CO2 that does not fit for a next visit, and still reports the isotretinoin finding on it', async () => {
    const file = writeCase(
      { items: [{ treatment: 'fractional-co2' }, { treatment: 'fractional-co2' }, { treatment: 'fractional-co2' }] },
      (p) => {
        p.screening.isotretinoinLastDose = '2026-10-01';
      },
    );
    const result = await cli('plan', 'schedule', file, '--json', '--at', '2026-11-30T10:00:00+09:00');
    expect(result.code).toBe(0);
    const { nextVisit, findings } = JSON.parse(result.out) as {
      nextVisit: { treatment: string; sessions: number }[];
      findings: { rule: string; date: string | null; timing?: { kind: string } }[];
    };
    expect(nextVisit).toEqual([{ treatment: 'fractional-co2', sessions: 2 }]);
    expect(findings.some((f) => f.rule.startsWith('isotretinoin') && f.date === null && f.timing?.kind === 'next-visit')).toBe(true);
  });

  it('plan schedule books nothing for a patient who has gone home, and says so', async () => {
    const file = writeCase({ items: [{ treatment: 'pico-laser' }] });
    const result = await cli('plan', 'schedule', file, '--json', '--at', '2026-12-20T10:00:00+09:00');
    const { caseFile, nextVisit, findings } = JSON.parse(result.out) as {
      caseFile: { plan: { items: unknown[] } };
      nextVisit: unknown[];
      findings: { rule: string }[];
    };
    expect(caseFile.plan.items).toEqual([{ id: positionalSessionId(0), treatment: 'pico-laser', date: null, nextVisit: true }]);
    expect(nextVisit).toEqual([{ treatment: 'pico-laser', sessions: 1 }]);
    expect(findings.map((f) => f.rule)).toContain('schedule-trip-over');
  });

  it('exits 2 with a clear message for an invalid file', async () => {
    const badTreatment = writeCase({ items: [{ treatment: 'botox', date: '2026-12-03' }] });
    const result = await cli('plan', 'check', badTreatment, '--json');
    expect(result.code).toBe(2);
    expect(result.err).toContain('plan.items[0].treatment: Not one of the allowed choices.');
    const notJson = join(folder, 'broken.json');
    writeFileSync(notJson, '{"format":');
    expect(await cli('plan', 'check', notJson)).toMatchObject({ code: 2, err: expect.stringContaining('Cannot read') });
  });
});

describe('followups due', () => {
  it('lists the follow-ups due at an instant as JSON, and refuses a bad instant with exit 2', async () => {
    const patient = fixtureCase('ja') as { patient: Record<string, any> };
    const file = join(folder, 'ja.json');
    writeFileSync(file, JSON.stringify(patient));
    await cli('patients', 'import', file);
    const id = patient.patient.id as string;
    const { openServices } = await import('../../../src/main/services/open-services');
    const services = openServices({ databasePath: db, key: TEST_KEY });
    const saved = await services.dispatch('savePatientPlan', {
      patientId: id,
      expectedVersion: 0,
      plan: { items: [{ treatment: 'hydrafacial', date: patient.patient.trip.arrival }] },
    });
    services.close();
    expect(saved.ok).toBe(true);
    const result = await cli('followups', 'due', '--at', '2030-01-01T00:00:00+09:00', '--json');
    expect(result.code).toBe(0);
    const { followUps } = JSON.parse(result.out) as { followUps: { patientId: string; step: string; state: string }[] };
    expect(followUps).toEqual([expect.objectContaining({ patientId: id, step: 'day-3', state: 'overdue' })]);
    expect(JSON.parse((await cli('followups', 'due', '--at', '2000-01-01T00:00:00Z', '--json')).out).followUps).toEqual([]);
    expect(await cli('followups', 'due', '--at', 'tomorrow')).toMatchObject({
      code: 2,
      err: expect.stringContaining('at: Use a date and time'),
    });
  });
});

describe('the CLI handouts', () => {
  it('writes one handout from a case file with a plan, and refuses a case without one (exit 2)', async () => {
    const caseFile = { ...fixtureCase('mn'), plan: { items: [{ treatment: 'pico-laser', date: '2027-02-10', time: '10:00' }] } };
    const withPlan = join(folder, 'mn-plan.json');
    writeFileSync(withPlan, JSON.stringify(caseFile));
    const out = join(folder, 'aftercare.pdf');
    const made = await cli('handout', '--case', withPlan, '--kind', 'aftercare', '--lang', 'mn', '--bilingual', '--out', out);
    expect(made.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expectOwnerOnly(out);

    const without = await cli(
      'handout',
      '--case',
      join(FIXTURES, 'cases', 'mn.json'),
      '--kind',
      'aftercare',
      '--lang',
      'mn',
      '--out',
      join(folder, 'none.pdf'),
    );
    expect(without.code).toBe(2);
    expect(without.err).toContain('caseFile.plan');
    const badKind = await cli('handout', '--case', withPlan, '--kind', 'brochure', '--lang', 'mn', '--out', join(folder, 'none.pdf'));
    expect(badKind.code).toBe(2);
    expect(badKind.err).toContain('kind');
  });

  it("without --lang writes the handout in the patient's preferred language, not English", async () => {
    const caseFile = { ...fixtureCase('mn'), plan: { items: [{ treatment: 'pico-laser', date: '2027-02-10', time: '10:00' }] } };
    expect((caseFile.patient as { languages: string[] }).languages[0]).toBe('mn');
    const withPlan = join(folder, 'mn-plan.json');
    writeFileSync(withPlan, JSON.stringify(caseFile));
    const out = join(folder, 'consent.pdf');
    expect((await cli('handout', '--case', withPlan, '--kind', 'consent', '--out', out)).code).toBe(0);
    const text = pdfText(readFileSync(out));
    expect(text).toContain(mongolianHandout.title.consent);
    expect(text).not.toContain('Consent summary');
    expect((await cli('help', 'handout')).out).toContain("the patient's preferred language");
  });

  it('refuses an output folder it cannot make in one clear line, at once', async () => {
    const caseFile = { ...fixtureCase('mn'), plan: { items: [{ treatment: 'pico-laser', date: '2027-02-10', time: '10:00' }] } };
    const withPlan = join(folder, 'mn-plan.json');
    writeFileSync(withPlan, JSON.stringify(caseFile));
    const missingParent = join(folder, 'no-such-parent', 'out.pdf');
    const started = Date.now();
    const single = await cli('handout', '--case', withPlan, '--kind', 'aftercare', '--out', missingParent);
    expect(single).toMatchObject({
      code: 2,
      err: `Cannot write ${missingParent}: the folder ${join(folder, 'no-such-parent')} does not exist.`,
    });
    const imported = await cli('patients', 'import', join(FIXTURES, 'cases', 'mn.json'));
    expect(imported.code).toBe(0);
    const id = fixtureCase('mn').patient.id as string;
    const deep = await cli('handouts', '--patient', id, '--out', join(folder, 'missing', 'handouts'));
    expect(deep).toMatchObject({
      code: 2,
      err: `Cannot make the folder ${join(folder, 'missing', 'handouts')}: ${join(folder, 'missing')} does not exist.`,
    });
    expect(existsSync(join(folder, 'missing'))).toBe(false);
    const proc = await cli('handouts', '--patient', id, '--out', '/proc/clinicdesk-handouts');
    expect(proc.code).toBe(2);
    expect(proc.err).toMatch(/^Cannot make the folder \/proc\/clinicdesk-handouts: [a-z -]+\.$/);
    expect(Date.now() - started).toBeLessThan(3000);
    for (const refused of [single, deep, proc]) expect(refused.err).not.toMatch(/\n|at .*\(|Error:/);
  });

  it('refuses the plan and quote as final while a treatment has no clinic price, naming it, and writes it with --draft', async () => {
    const caseFile = {
      ...fixtureCase('en'),
      plan: {
        items: [
          { treatment: 'pico-laser', date: '2027-02-10' },
          { treatment: 'led-therapy', date: '2027-02-10' },
        ],
      },
    };
    const file = join(folder, 'en-plan.json');
    writeFileSync(file, JSON.stringify(caseFile));
    const final = join(folder, 'plan.pdf');
    const refused = await cli('handout', '--case', file, '--kind', 'plan', '--lang', 'en', '--out', final);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('settings.prices.led-therapy: LED light therapy has no clinic price yet');
    expect(existsSync(final)).toBe(false);
    const draft = await cli('handout', '--case', file, '--kind', 'plan', '--lang', 'en', '--draft', '--out', final);
    expect(draft.code).toBe(0);
    expect(readFileSync(final).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
