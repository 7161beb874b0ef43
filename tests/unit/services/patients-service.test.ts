import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src/shared/contract';
import type { PatientRecord } from '../../../src/shared/contract/patients';
import { fixtureIntake, valueOf, type IntakeInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
beforeEach(async () => (services = await openTestServices()));
afterEach(() => services.dispose());

async function create(language: string, patch: (p: IntakeInput) => void = () => {}): Promise<PatientRecord> {
  const patient = fixtureIntake(language);
  patch(patient);
  return valueOf(await services.dispatch('createPatient', { patient }));
}

async function search(query: string, tripStatus: InputOf<'searchPatients'>['tripStatus'] = 'all'): Promise<string[]> {
  return valueOf(await services.dispatch('searchPatients', { query, tripStatus, limit: 100 })).rows.map((row) => row.latinName);
}

describe('patient search', () => {
  beforeEach(async () => {
    await create('ko', (p) => ((p.names = { native: '김민지', latin: 'Kim Minji' }), (p.phone = '+821012345678')));
    await create('zh-Hans', (p) => (p.names = { native: '王芳', latin: 'Wang Fang' }));
    await create('ar', (p) => (p.names = { native: 'فاطمة الزهراء', latin: 'Fatima Alzahraa' }));
    await create('th', (p) => (p.names = { native: 'สมหญิง ใจดี', latin: 'Somying Jaidee' }));
    await create('ru', (p) => (p.names = { native: 'Анна Смирнова', latin: 'Anna Smirnova' }));
    await create('vi', (p) => (p.names = { native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' }));
  });

  it.each([
    ['민지', 'Kim Minji'],
    ['芳', 'Wang Fang'],
    ['الزهراء', 'Fatima Alzahraa'],
    ['หญิง', 'Somying Jaidee'],
    ['мирн', 'Anna Smirnova'],
    ['СМИРН', 'Anna Smirnova'],
    ['thị lan', 'Nguyen Thi Lan'],
    ['nguyen', 'Nguyen Thi Lan'],
    ['ang f', 'Wang Fang'],
    ['010-1234-5678', 'Kim Minji'],
    ['+82 10 1234', 'Kim Minji'],
  ])('"%s" finds %s and no one else', async (query, expected) => {
    expect(await search(query)).toEqual([expected]);
  });

  it('treats FTS syntax in a query as plain text', async () => {
    expect(await search('"AND* OR(')).toEqual([]);
    expect(await search('a"b')).toEqual([]);
  });

  it('lists everyone for an empty query, newest arrival first', async () => {
    expect(await search('')).toHaveLength(6);
  });

  it('filters by trip status against today in Korea', async () => {
    await create('en', (p) => ((p.names.latin = 'Here Now'), (p.trip = { ...p.trip, arrival: '2026-11-20', departure: '2026-11-30' })));
    await create('en', (p) => ((p.names.latin = 'Gone Home'), (p.trip = { ...p.trip, arrival: '2026-10-01', departure: '2026-10-10' })));
    expect(await search('', 'in_korea')).toEqual(['Here Now']);
    expect(await search('', 'departed')).toEqual(['Gone Home']);
    expect(await search('', 'upcoming')).toHaveLength(6);
  });

  it('says when the list was cut at the limit', async () => {
    const result = await services.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 4 });
    expect(result.ok && result.value.rows.length).toBe(4);
    expect(result.ok && result.value.truncated).toBe(true);
  });
});

describe('saving the intake', () => {
  it('creates, reads back and updates with a version check', async () => {
    const created = await create('ja');
    expect(created.version).toBe(1);
    const patient = { ...created.patient, names: { ...created.patient.names, latin: 'Sato Yuki' } };
    const updated = await services.dispatch('updatePatient', { id: created.id, expectedVersion: 1, patient });
    expect(updated.ok && updated.value.version).toBe(2);
    expect(updated.ok && updated.value.patient.names.latin).toBe('Sato Yuki');
    expect(await search('sato')).toEqual(['Sato Yuki']);
  });

  it('refuses an update made from a stale version and keeps the newer one', async () => {
    const created = await create('ja');
    await services.dispatch('updatePatient', { id: created.id, expectedVersion: 1, patient: created.patient });
    const before = await services.snapshot();
    const stale = await services.dispatch('updatePatient', {
      id: created.id,
      expectedVersion: 1,
      patient: { ...created.patient, names: { ...created.patient.names, latin: 'Stale Edit' } },
    });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    expect(await services.snapshot()).toBe(before);
  });

  it('refuses a birth date after today (Korea time) and saves nothing', async () => {
    const before = await services.snapshot();
    const result = await services.dispatch('createPatient', { patient: { ...fixtureIntake('en'), birthDate: '2026-11-25' } });
    expect(result.ok ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`)).toEqual([
      'patient.birthDate:date_in_future',
    ]);
    expect(await services.snapshot()).toBe(before);
  });

  it('stores consents as their own rows, withdrawal included', async () => {
    const created = await create('en', (p) => {
      p.consents = [
        {
          kind: 'photos_marketing',
          grantedAt: '2026-11-01T10:00:00+09:00',
          withdrawnAt: '2026-11-20T10:00:00+09:00',
          textVersion: '2026-01',
        },
        { kind: 'sensitive_data', grantedAt: '2026-11-01T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01' },
      ];
    });
    const rows = await services.sql.all('SELECT kind, withdrawn_at FROM consents ORDER BY position');
    expect(rows).toEqual([
      { kind: 'photos_marketing', withdrawn_at: '2026-11-20T10:00:00+09:00' },
      { kind: 'sensitive_data', withdrawn_at: null },
    ]);
    expect(created.patient.consents).toHaveLength(2);
  });
});

describe('drafts', () => {
  it('keeps what was typed, lists it, and forgets it when discarded', async () => {
    const key = 'new:0b8f3f0e-7f2c-4b7e-9a59-3d9c1f7c2a11';
    const form = { nativeName: 'สมหญิง', phone: '+66 81 23' };
    expect((await services.dispatch('saveDraft', { key, label: 'สมหญิง', baseVersion: null, form })).ok).toBe(true);
    const draft = await services.dispatch('getDraft', { key });
    expect(draft.ok && draft.value?.form).toEqual(form);
    const list = await services.dispatch('listDrafts', {});
    expect(list.ok && list.value.map((d) => d.key)).toEqual([key]);
    await services.dispatch('discardDraft', { key });
    const gone = await services.dispatch('getDraft', { key });
    expect(gone.ok && gone.value).toBeNull();
  });

  it('refuses an oversized draft', async () => {
    const result = await services.dispatch('saveDraft', {
      key: 'new:0b8f3f0e-7f2c-4b7e-9a59-3d9c1f7c2a11',
      label: '',
      baseVersion: null,
      form: { notes: Array.from({ length: 40 }, () => 'x'.repeat(9000)) },
    });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
  });
});

describe('demo patients', () => {
  it('adds about 20 valid patients from 10 countries, with trips around today', async () => {
    const result = await services.dispatch('seedDemoPatients', {});
    expect(result.ok && result.value.created).toBe(20);
    const countries = (await services.sql.get<{ n: number }>('SELECT count(DISTINCT nationality) AS n FROM patients'))!.n;
    expect(countries).toBeGreaterThanOrEqual(10);
    expect((await search('', 'in_korea')).length).toBeGreaterThan(0);
    expect((await search('', 'upcoming')).length).toBeGreaterThan(0);
    expect((await search('', 'departed')).length).toBeGreaterThan(0);
  });
});
