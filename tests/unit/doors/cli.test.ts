import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { FIXTURES, fixtureCase } from '../../support/temp-services';
import Database from 'better-sqlite3';

let folder: string;
let db: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-cli-'));
  db = join(folder, 'cli.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function rowsOf(path: string): string {
  const handle = new Database(path, { readonly: true });
  const rows = JSON.stringify([handle.prepare('SELECT * FROM patients').all(), handle.prepare('SELECT * FROM consents').all()]);
  handle.close();
  return rows;
}

describe('the CLI', () => {
  it('checks the audit log: intact, then altered at one entry (exit 1)', async () => {
    await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'), join(FIXTURES, 'cases', 'ar.json'));
    expect(await cli('audit', 'verify')).toMatchObject({ code: 0, out: 'The audit log is intact: 2 entries.' });
    const handle = new Database(db);
    handle.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 2");
    handle.close();
    const altered = await cli('audit', 'verify', '--json');
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.out)).toEqual({ checked: 2, firstBroken: { seq: 2, reason: 'wrong_hash' } });
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
  });

  it('refuses a CSV with one bad row with exit 2, naming the file, line and column, and imports nothing', async () => {
    await cli('info');
    const result = await cli('patients', 'import', join(FIXTURES, 'bookings', 'good.csv'), join(FIXTURES, 'bookings', 'one-bad-row.csv'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('one-bad-row.csv line 5, phone: Not a valid phone number');
    expect(JSON.parse((await cli('info', '--json')).out).patientCount).toBe(0);
  });

  it('says what is wrong with a missing file, an unknown command and an unknown patient', async () => {
    expect(await cli('patients', 'import', join(folder, 'nope.json'))).toMatchObject({ code: 2, err: expect.stringContaining('ENOENT') });
    expect(await cli('patients', 'fly')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command') });
    expect(await cli('patients', 'export', 'not-a-uuid')).toMatchObject({ code: 2, err: expect.stringContaining('id: Not a valid value') });
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
      fc.record({ key: fc.constantFrom(...Object.keys(valid.patient)), value: fc.anything() }).map(({ key, value }) =>
        JSON.stringify({ ...valid, patient: { ...valid.patient, [key]: value === undefined ? 'x' : value } }),
      ),
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
    const file = writeCase({ items: [{ treatment: 'rejuran-healer', date: '2026-12-03' }, { treatment: 'hydrafacial', date: '2026-11-28' }] });
    const result = await cli('plan', 'check', file, '--json');
    expect(result.code).toBe(0);
    const { findings } = JSON.parse(result.out) as { findings: Record<string, unknown>[] };
    expect(findings.every((f) => Object.keys(f).join() === 'rule,severity,treatment,date,message')).toBe(true);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'fish-allergy-salmon-pn', severity: 'block', treatment: 'rejuran-healer', date: '2026-12-03' }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'schedule-outside-stay', treatment: 'hydrafacial', date: '2026-11-28' }));
    const korean = JSON.parse((await cli('plan', 'check', file, '--json', '--lang', 'ko')).out) as { findings: { message: string }[] };
    expect(korean.findings[0]!.message).toMatch(/[가-힣]/);
  });

  it('plan schedule fills the dates of items without one, inside the stay', async () => {
    const file = writeCase({ items: [{ treatment: 'pico-laser' }, { treatment: 'hydrafacial', date: '2026-12-02' }, { treatment: 'ipl' }] });
    const result = await cli('plan', 'schedule', file, '--json');
    expect(result.code).toBe(0);
    const { caseFile } = JSON.parse(result.out) as { caseFile: { plan: { items: { treatment: string; date: string }[] } } };
    expect(caseFile.plan.items).toHaveLength(3);
    for (const item of caseFile.plan.items) expect(item.date >= '2026-12-01' && item.date < '2026-12-15').toBe(true);
    expect(caseFile.plan.items).toContainEqual(expect.objectContaining({ treatment: 'hydrafacial', date: '2026-12-02' }));
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
    const services = openServices({ databasePath: db });
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
    expect(await cli('followups', 'due', '--at', 'tomorrow')).toMatchObject({ code: 2, err: expect.stringContaining('at: Use a date and time') });
  });
});
