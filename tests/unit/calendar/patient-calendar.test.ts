// The .ics calendar of one patient, written with the `ics` library and read back with an independent parser
// (ical.js), so the times are checked as a calendar application would read them.
import ICAL from 'ical.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinicalContent } from '../../../src/main/content/clinical-content';
import type { PatientCalendarFile } from '../../../src/shared/contract/calendar';
import { patientCalendar } from '../../../src/shared/domain/calendar/patient-calendar';
import { fixtureIntake } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';
import { positionalSessionId } from '../../../src/shared/domain/plan/plan-schema';

interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly start: string;
  readonly end: string;
  readonly startZone: string;
  readonly location: string | null;
}

function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone?.tzid ?? '',
      location: event.location,
    };
  });
}

const minutesOf = (event: ParsedEvent) => (Date.parse(event.end) - Date.parse(event.start)) / 60_000;
const PICO_MINUTES = clinicalContent().catalog.find((t) => t.id === 'pico-laser')!.sessionMinutes.value.max;
const PICO_NAME = clinicalContent().catalog.find((t) => t.id === 'pico-laser')!.names.en;

let services: TestServices;
let patientId: string;
let latin: string;

beforeEach(async () => {
  services = await openTestServices();
  // Home in Los Angeles, flying home on 2027-03-01: day 3 falls before the US DST change (2027-03-14), week 2 after.
  const patient = {
    ...fixtureIntake('en'),
    homeTimeZone: 'America/Los_Angeles',
    trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' },
  };
  const created = await services.dispatch('createPatient', { patient });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const record = created.value;
  patientId = record.id;
  latin = record.patient.names.latin;
  const saved = await services.dispatch('savePatientPlan', {
    patientId,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: '2027-02-22', time: '14:00' }, { treatment: 'hydrafacial' }] },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
});
afterEach(() => services.dispose());

async function exportCalendar(): Promise<PatientCalendarFile> {
  const result = await services.dispatch('exportPatientCalendar', { patientId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('a patient’s calendar (.ics)', () => {
  it('puts the dated session at its Korea time in UTC, with the treatment’s length, and leaves undated sessions out', async () => {
    const { fileName, ics } = await exportCalendar();
    expect(fileName).toMatch(new RegExp(`-${patientId.slice(0, 8)}\\.ics$`));
    const events = parseIcs(ics);
    const sessions = events.filter((e) => !e.summary.startsWith('Follow-up'));
    expect(sessions).toHaveLength(1); // the hydrafacial has no date yet
    const [session] = sessions;
    expect(session).toMatchObject({
      summary: `${PICO_NAME} — ${latin}`,
      start: '2027-02-22T05:00:00.000Z', // 14:00 in Seoul
      startZone: 'UTC',
      location: 'ClinicDesk Clinic',
    });
    expect(minutesOf(session!)).toBe(PICO_MINUTES);
    expect(ics).toContain('DTSTART:20270222T050000Z');
  });

  it('has a 15-minute event at each follow-up’s instant, on both sides of the US DST change', async () => {
    const listed = await services.dispatch('listPatientFollowUps', { patientId });
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    const followUps = listed.value;
    expect(followUps.length).toBeGreaterThan(1);
    const events = parseIcs((await exportCalendar()).ics).filter((e) => e.summary.startsWith('Follow-up'));
    expect(events.map((e) => [e.uid, e.summary, e.start, minutesOf(e), e.startZone])).toEqual(
      followUps.map((f) => [`${f.id}@clinicdesk`, `Follow-up ${f.step} — ${latin}`, f.dueAt, 15, 'UTC']),
    );
    const startOf = (step: string) => events.find((e) => e.summary === `Follow-up ${step} — ${latin}`)?.start;
    expect(startOf('day-3')).toBe('2027-03-04T18:00:00.000Z'); // 10:00 PST
    expect(startOf('week-2')).toBe('2027-03-15T17:00:00.000Z'); // 10:00 PDT
  });

  it('gives every event a unique UID that stays the same across exports', async () => {
    const first = parseIcs((await exportCalendar()).ics).map((e) => e.uid);
    const second = parseIcs((await exportCalendar()).ics).map((e) => e.uid);
    expect(new Set(first).size).toBe(first.length);
    expect(second).toEqual(first);
    // The UID is the session's id: the plan was saved without ids, so its first session has its position's.
    expect(first).toContain(`${patientId}-${positionalSessionId(0)}@clinicdesk`);
  });

  it('refuses an unknown patient', async () => {
    const result = await services.dispatch('exportPatientCalendar', { patientId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('patientCalendar (pure)', () => {
  it('starts a session without a time at 10:00 Korea time', () => {
    const events = patientCalendar({
      patientId: 'p',
      names: { native: '김', latin: 'Kim' },
      clinicName: 'Clinic',
      sessions: [{ date: '2027-01-05', treatmentName: 'IPL', minutes: 30 }],
      followUps: [],
    });
    expect(events).toEqual([
      { uid: 'p-0@clinicdesk', kind: 'session', title: 'IPL — Kim', start: '2027-01-05T01:00:00.000Z', minutes: 30, location: 'Clinic' },
    ]);
  });
});

describe('the calendar command', () => {
  it('writes a parseable .ics with --out, and exits 2 for an unknown id', async () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
    };
    await services.close(); // the CLI opens the same database itself
    const file = join(services.folder, 'f.ics');
    const ok = io();
    expect(await services.cli(['calendar', patientId, '--out', file], ok.io)).toBe(0);
    const events = parseIcs(readFileSync(file, 'utf8'));
    // A calendar of a patient's visits is health data outside the encrypted database: owner-only.
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(events.find((e) => e.start === '2027-02-22T05:00:00.000Z')).toBeDefined();
    expect(events.length).toBeGreaterThan(2);

    const stdout = io();
    expect(await services.cli(['calendar', patientId], stdout.io)).toBe(0);
    expect(parseIcs(stdout.out.join('\n'))).toHaveLength(events.length);

    const unknown = io();
    expect(await services.cli(['calendar', '7c9e6679-7425-40de-944b-e07fc1f90ae7'], unknown.io)).toBe(2);
    expect(unknown.err.join('\n')).toContain('No patient');
    expect(await services.cli(['calendar', 'not-a-uuid'], io().io)).toBe(2);
  });
});
