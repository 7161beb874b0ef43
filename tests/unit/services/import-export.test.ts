import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATE_NOT_ASKED, LATER_SCREENING_FLAGS, SCREENING_DATES, SCREENING_FLAGS } from '../../../src/shared/domain/intake/vocabulary';
import { FIXTURES, FIXTURE_LANGUAGES, fixtureCase, valueOf } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';
import { realRules } from '../../support/clinical-content';

/** The not-asked rules the content has (their ids are data). */
const notAskedRuleIds = new Set(
  realRules()
    .map((rule) => rule.id)
    .filter((id) => id.endsWith('-not-asked')),
);

let services: TestServices;
beforeEach(async () => (services = await openTestServices()));
afterEach(() => services.dispose());

const source = (path: string) => ({ name: path.split('/').pop()!, text: readFileSync(join(FIXTURES, path), 'utf8') });

describe('case files', () => {
  it('import then export of the 10 language case files gives back equal JSON', async () => {
    expect(FIXTURE_LANGUAGES).toHaveLength(10);
    const imported = await services.dispatch('importPatients', {
      sources: FIXTURE_LANGUAGES.map((language) => source(`cases/${language}.json`)),
    });
    expect(imported.ok).toBe(true);
    for (const language of FIXTURE_LANGUAGES) {
      const original = fixtureCase(language);
      const exported = await services.dispatch('exportPatient', { id: original.patient.id! });
      expect(exported.ok, language).toBe(true);
      const caseFile = exported.ok ? exported.value.caseFile : null;
      // Equal as JSON text, key order included: the file a partner receives is the file that was sent.
      expect(JSON.stringify(caseFile), language).toBe(JSON.stringify(original));
    }
  });

  it('keeps a referral route through import and export; a file without one still loads, and an agency needs its details', async () => {
    const original = fixtureCase('ja');
    // Where the exporter writes it: after the consents, before the photos.
    const { photos, ...rest } = original.patient;
    const referral = { route: 'agency', agencyName: 'Tokyo Beauty Tours', agencyRegistrationNumber: 'A-2023-0042', referrer: '' };
    const withReferral = { ...original, patient: { ...rest, referral, photos } };
    const imported = await services.dispatch('importPatients', { sources: [{ name: 'ja.json', text: JSON.stringify(withReferral) }] });
    expect(imported.ok).toBe(true);
    const exported = await services.dispatch('exportPatient', { id: original.patient.id! });
    expect(JSON.stringify(exported.ok ? exported.value.caseFile : null)).toBe(JSON.stringify(withReferral));

    const before = await services.snapshot();
    const noDetails = {
      ...original,
      patient: { ...rest, id: '0b0e7a43-5a0c-4d67-9c39-2f0f6a3b9d11', referral: { route: 'agency' }, photos },
    };
    const refused = await services.dispatch('importPatients', { sources: [{ name: 'agency.json', text: JSON.stringify(noDetails) }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = refused.ok ? [] : refused.error.issues.map((found) => found.path.slice(2).join('.'));
    expect(paths).toEqual(['patient.referral.agencyName', 'patient.referral.agencyRegistrationNumber']);
    expect(await services.snapshot()).toBe(before);
  });

  it('refuses a second import of the same patient id, and imports nothing of that batch', async () => {
    await services.dispatch('importPatients', { sources: [source('cases/ja.json')] });
    const before = await services.snapshot();
    const again = await services.dispatch('importPatients', { sources: [source('cases/th.json'), source('cases/ja.json')] });
    expect(again.ok).toBe(false);
    expect(again.ok ? [] : again.error.issues.map((issue) => [issue.path[0], issue.code])).toEqual([['ja.json', 'already_exists']]);
    expect(await services.snapshot()).toBe(before);
  });

  it('reports a file that is not JSON and one with photos the store does not have', async () => {
    const vi = fixtureCase('vi');
    const caseWithPhoto = {
      ...vi,
      patient: { ...vi.patient, photos: [{ visitDate: '2026-12-01', angle: 'front', sha256: 'a'.repeat(64), mediaType: 'image/jpeg' }] },
    };
    const result = await services.dispatch('importPatients', {
      sources: [
        { name: 'broken.json', text: '{"format": "clinicdesk.case/1", ' },
        { name: 'photo.json', text: JSON.stringify(caseWithPhoto) },
      ],
    });
    expect(result.ok ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`)).toEqual([
      'broken.json.1:invalid_json',
      'photo.json.1.patient.photos.0.sha256:photo_not_found',
    ]);
    expect((await services.dispatch('getAppInfo', {})).ok && (await services.context.store.read((tx) => tx.patients.count()))).toBe(0);
  });
});

describe('agency booking CSV', () => {
  it('imports every row of a good file, with screening left as "not asked"', async () => {
    const result = await services.dispatch('importPatients', { sources: [source('bookings/good.csv')] });
    expect(result.ok).toBe(true);
    expect(await services.context.store.read((tx) => tx.patients.count())).toBe(6);
    const rows = await services.sql.all<{ screening_json: string; screening_open: number }>(
      'SELECT screening_json, screening_open FROM patients',
    );
    for (const row of rows) {
      const screening = JSON.parse(services.seal.open('patients.screening_json', row.screening_json)) as Record<string, unknown>;
      // Every yes/no question null, every date question "not asked" (never null, which reads "never").
      for (const flag of SCREENING_FLAGS) expect(screening[flag], flag).toBeNull();
      for (const question of SCREENING_DATES) expect(screening[question], question).toBe(DATE_NOT_ASKED);
      expect(row.screening_open).toBe(SCREENING_FLAGS.length + SCREENING_DATES.length);
    }
  });

  it('gives an agency booking the cautions of every question not asked, date questions included', async () => {
    await services.dispatch('importPatients', { sources: [source('bookings/good.csv')] });
    const first = await services.sql.get<{ id: string }>('SELECT id FROM patients LIMIT 1');
    const checked = await services.dispatch('evaluatePatientPlan', {
      patientId: first!.id,
      plan: {
        items: [
          { treatment: 'fractional-co2', date: null },
          { treatment: 'ultherapy', date: null },
        ],
      },
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    const rules = new Set(checked.value.findings.map((f) => f.rule));
    expect(rules).toContain('screening-incomplete');
    for (const notAsked of ['isotretinoin-not-asked', 'sun-exposure-not-asked', 'recent-filler-toxin-not-asked']) {
      if (!notAskedRuleIds.has(notAsked)) continue;
      expect(rules, notAsked).toContain(notAsked);
    }
    expect([...rules].filter((rule) => rule.endsWith('-not-asked')).length).toBeGreaterThan(0);
  });

  it('loads a case file from before the later questions (and with "never" dates as null), reading them as not asked', async () => {
    const old = fixtureCase('en');
    for (const flag of LATER_SCREENING_FLAGS) delete old.patient.screening[flag];
    const result = await services.dispatch('importPatients', { sources: [{ name: 'old.json', text: JSON.stringify(old) }] });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const id = valueOf(result).imported[0]!.id;
    const screening = (await services.context.store.read((tx) => tx.patients.get(id)))!.patient.screening;
    for (const flag of LATER_SCREENING_FLAGS) expect(screening[flag], flag).toBeNull();
    // An empty date field of an older file stays "never".
    expect(screening.isotretinoinLastDose).toBeNull();
  });

  it('reads an intake stored before the later questions existed as "not asked", never as undefined', async () => {
    await services.dispatch('importPatients', { sources: [source('cases/en.json')] });
    const row = (await services.sql.get<{ id: string; screening_json: string }>('SELECT id, screening_json FROM patients'))!;
    const old = JSON.parse(services.seal.open('patients.screening_json', row.screening_json)) as Record<string, unknown>;
    for (const flag of LATER_SCREENING_FLAGS) delete old[flag];
    await services.sql.run(
      'UPDATE patients SET screening_json = ? WHERE id = ?',
      services.seal.seal('patients.screening_json', JSON.stringify(old)),
      row.id,
    );
    const read = (await services.context.store.read((tx) => tx.patients.get(row.id)))!.patient.screening;
    for (const flag of LATER_SCREENING_FLAGS) expect(read[flag], flag).toBeNull();
  });

  it('a file with one bad row imports nothing and names the row, its line and its column', async () => {
    const before = await services.snapshot();
    const result = await services.dispatch('importPatients', { sources: [source('bookings/one-bad-row.csv')] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual([['one-bad-row.csv', 5, 'phone']]);
    expect(await services.snapshot()).toBe(before);
  });

  it('lists every bad row, not only the first', async () => {
    const lines = readFileSync(join(FIXTURES, 'bookings/good.csv'), 'utf8').trimEnd().split('\n');
    // Break the birth date of data row 2 (line 3) and the arrival of data row 5 (line 6).
    lines[2] = lines[2]!.replace(/,\d{4}-\d{2}-\d{2},/, ',1990-02-30,');
    lines[5] = lines[5]!.replace(/(,[A-Z]{3}),\d{4}-\d{2}-\d{2},/, '$1,someday,');
    const result = await services.dispatch('importPatients', { sources: [{ name: 'two-bad.csv', text: lines.join('\n') }] });
    expect(result.ok ? [] : result.error.issues.map((issue) => `${issue.path[1]}:${issue.path[2]}:${issue.code}`)).toEqual([
      '3:birth_date:invalid_date',
      '6:arrival:invalid_date',
    ]);
    expect(await services.context.store.read((tx) => tx.patients.count())).toBe(0);
  });

  it('refuses a CSV without the agency columns', async () => {
    const result = await services.dispatch('importPatients', { sources: [{ name: 'x.csv', text: 'name,phone\nA,+1\n' }] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.issues.some((issue) => issue.path[2] === 'native_name' && issue.code === 'required')).toBe(true);
  });
});
