// The patient search answers exactly what a plain scan would: the same patients, in the same order (newest arrival
// first, then newest record), cut at the same place, for any part of any patient's name or phone in the ten
// scripts, any trip status and page size; and still so after names and trips are edited, a record is erased (left
// out unless asked for) and purged. The reference here reads the patients' own columns and applies the domain's
// folding and trip status in plain code: it shares neither the search text, the pieces nor the trigram index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatePatients } from '../../../bench/generate-patients';
import type { PatientRecord } from '../../../src/shared/contract/patients';
import { PATIENT_SEARCH_SQL } from '../../../src/main/db/repositories/patients-repository';
import { searchHaystack, searchNeedle } from '../../../src/shared/domain/intake/search-text';
import { tripStatus } from '../../../src/shared/domain/intake/trip-status';
import { todayIn, CLINIC_TIME_ZONE } from '../../../src/shared/domain/intake/calendar-date';
import { TRIP_STATUSES } from '../../../src/shared/domain/intake/vocabulary';
import { FIXED_NOW, openTempServices, valueOf, type TempServices } from '../../support/temp-services';

let services: TempServices;
const created: PatientRecord[] = [];
const today = todayIn(CLINIC_TIME_ZONE, FIXED_NOW);

beforeAll(async () => {
  services = openTempServices();
  // Four trips for all: gone home, in Korea, coming and coming later, so patients found together often share an
  // arrival and the order among them (newest record first) is exercised, as every trip status is.
  const trips = [
    ['2026-10-02', '2026-10-09'],
    ['2026-11-20', '2026-11-30'],
    ['2026-12-10', '2026-12-17'],
    ['2027-01-05', '2027-01-12'],
  ] as const;
  for (const [index, patient] of generatePatients(70, 17).entries()) {
    const [arrival, departure] = trips[index % trips.length]!;
    const trip = { ...patient.trip, arrival, departure };
    created.push(valueOf(await services.dispatch('createPatient', { patient: { ...patient, trip } })));
  }
}, 120_000);
afterAll(() => services.dispose());

interface Row {
  seq: number;
  id: string;
  native_name: string;
  latin_name: string;
  phone: string | null;
  arrival: string;
  departure: string;
  restricted: number;
}

/** A plain scan over every stored patient: what the search must answer. */
function scanned(query: string, status: 'all' | (typeof TRIP_STATUSES)[number], limit: number, includeRestricted: boolean) {
  const needle = searchNeedle(query);
  const rows = services.context.db
    .prepare<[], Row>(
      `SELECT seq, id, native_name, latin_name, phone, arrival, departure,
        EXISTS (SELECT 1 FROM patient_restrictions r WHERE r.patient_seq = patients.seq) AS restricted FROM patients`,
    )
    .all()
    .filter((row) => searchHaystack({ names: { native: row.native_name, latin: row.latin_name }, phone: row.phone }).includes(needle))
    .filter((row) => status === 'all' || tripStatus(row, today) === status)
    .filter((row) => includeRestricted || row.restricted === 0)
    .sort((a, b) => (a.arrival === b.arrival ? b.seq - a.seq : a.arrival < b.arrival ? 1 : -1));
  return { ids: rows.slice(0, limit).map((row) => row.id), truncated: rows.length > limit };
}

async function searched(query: string, status: 'all' | (typeof TRIP_STATUSES)[number], limit: number, includeRestricted: boolean) {
  const value = valueOf(await services.dispatch('searchPatients', { query, tripStatus: status, limit, includeRestricted }));
  return { ids: value.rows.map((row) => row.id), truncated: value.truncated };
}

/** Queries drawn from what is stored: a run of 1 to 6 characters of someone's search text, or nothing at all. */
function queries() {
  const haystacks = services.context.db
    .prepare<[], { native_name: string; latin_name: string; phone: string | null }>('SELECT native_name, latin_name, phone FROM patients')
    .all()
    .map((row) => [...searchHaystack({ names: { native: row.native_name, latin: row.latin_name }, phone: row.phone })]);
  const part = fc.tuple(fc.constantFrom(...haystacks), fc.nat(), fc.integer({ min: 1, max: 6 })).map(([chars, start, length]) => {
    const from = start % chars.length;
    return chars.slice(from, from + length).join('');
  });
  return fc.oneof({ weight: 12, arbitrary: part }, { weight: 1, arbitrary: fc.constantFrom('', 'zzq', '鬱', '9') });
}

async function expectSearchEqualsScan(runs: number) {
  await fc.assert(
    fc.asyncProperty(
      queries(),
      fc.constantFrom('all' as const, ...TRIP_STATUSES),
      fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(1000)),
      fc.boolean(),
      async (query, status, limit, includeRestricted) => {
        expect(await searched(query, status, limit, includeRestricted)).toEqual(scanned(query, status, limit, includeRestricted));
      },
    ),
    { numRuns: runs },
  );
}

describe('searching patients', () => {
  it('answers what a plain scan answers: ids, order and cut, for parts of names and phones in ten scripts', async () => {
    // Several patients share an arrival day, so the tie on the newest record is exercised too.
    const arrivals = services.context.db.prepare<[], { n: number }>('SELECT count(*) - count(DISTINCT arrival) AS n FROM patients').get()!;
    expect(arrivals.n).toBeGreaterThan(0);
    await expectSearchEqualsScan(300);
  }, 120_000);

  it('still does after names, phones and trips are edited', async () => {
    const donors = generatePatients(20, 53);
    for (const [index, record] of created.slice(0, 20).entries()) {
      const donor = donors[index]!;
      const patient = {
        ...record.patient,
        names: donor.names,
        phone: donor.phone,
        trip: { ...record.patient.trip, arrival: donor.trip.arrival, departure: donor.trip.departure },
      };
      created[index] = valueOf(await services.dispatch('updatePatient', { id: record.id, expectedVersion: record.version, patient }));
    }
    await expectSearchEqualsScan(200);
  }, 120_000);

  it('still does after records are erased (restricted, left out unless asked for) and then purged', async () => {
    for (const record of created.slice(30, 40)) valueOf(await services.dispatch('requestErasure', { patientId: record.id, reason: '' }));
    await expectSearchEqualsScan(150);
    const purged = await services.purgeExpiredRecords(new Date('2060-01-01T00:00:00Z'));
    expect(purged.erased).toHaveLength(10);
    await expectSearchEqualsScan(150);
  }, 120_000);
});

describe('the search query plans', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    services.context.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => (row as { detail: string }).detail);
  const params = { status: 'all', today, limit: 1001 };

  it.each([
    ['trigram', { ...params, match: '"han"' }, /SCAN patient_search_index VIRTUAL TABLE INDEX/],
    ['pieces', { ...params, needle: '민' }, /SEARCH patient_search_pieces USING (COVERING INDEX|PRIMARY KEY).*\(piece=\?\)/],
  ] as const)('%s reads its index for the matches and each match by its key, never every patient', (name, bound, matches) => {
    const steps = plan(PATIENT_SEARCH_SQL[name], bound);
    expect(
      steps.some((step) => matches.test(step)),
      steps.join(' | '),
    ).toBe(true);
    expect(steps, steps.join(' | ')).toContain('SEARCH patients USING INTEGER PRIMARY KEY (rowid=?)');
    expect(
      steps.filter((step) => /^SCAN (patients|patient_search_text)\b/.test(step)),
      steps.join(' | '),
    ).toEqual([]);
  });
});
