// Agency bookings arrive as CSV, one patient a row, before anyone has screened the patient. This maps a row
// (already split into named columns) to an intake and maps the intake's field paths back to column names, so a
// refused row is reported as "line 5, phone". Every screening question is "not asked" (null for yes/no, DATE_NOT_ASKED
// for the date questions), never "no" or "never": the rules then give their cautions instead of passing in silence.
import type { PatientIntakeInput } from './patient-schema';
import { DATE_NOT_ASKED, LATER_SCREENING_FLAGS } from './vocabulary';

export const AGENCY_CSV_COLUMNS = [
  'agency_ref',
  'native_name',
  'latin_name',
  'birth_date',
  'sex',
  'nationality',
  'languages',
  'phone',
  'email',
  'messengers',
  'home_time_zone',
  'home_currency',
  'arrival',
  'departure',
  'stay_address',
  'concerns',
  'notes',
] as const;

export type AgencyCsvRow = Record<(typeof AGENCY_CSV_COLUMNS)[number], string>;

/**
 * The separator of a bookings file: a comma, or a tab when the header row has tabs and no comma (Excel's
 * "Unicode text", UTF-16 with a byte order mark, is tab-separated).
 */
export function delimiterOf(text: string): ',' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}

const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const orNull = (cell: string): string | null => (cell.trim() === '' ? null : cell.trim());

export function bookingToIntake(row: AgencyCsvRow): PatientIntakeInput {
  const notes = [row.agency_ref.trim() && `Agency booking ${row.agency_ref.trim()}.`, row.notes.trim()].filter(Boolean).join(' ');
  return {
    names: { native: row.native_name, latin: row.latin_name },
    birthDate: row.birth_date.trim(),
    sex: row.sex.trim() as PatientIntakeInput['sex'],
    nationality: row.nationality.trim().toUpperCase(),
    languages: list(row.languages) as PatientIntakeInput['languages'],
    phone: orNull(row.phone),
    messengers: list(row.messengers).map((entry) => {
      const colon = entry.indexOf(':');
      return {
        kind: (colon < 0 ? entry : entry.slice(0, colon)).trim() as PatientIntakeInput['messengers'][number]['kind'],
        handle: colon < 0 ? '' : entry.slice(colon + 1).trim(),
      };
    }),
    email: orNull(row.email),
    homeTimeZone: row.home_time_zone.trim(),
    homeCurrency: row.home_currency.trim().toUpperCase(),
    trip: { arrival: row.arrival.trim(), departure: row.departure.trim(), stayAddress: row.stay_address.trim() },
    skin: { fitzpatrick: null, concerns: list(row.concerns) as PatientIntakeInput['skin']['concerns'] },
    screening: {
      pregnant: null,
      breastfeeding: null,
      isotretinoinLastDose: DATE_NOT_ASKED,
      retinoidLastUse: DATE_NOT_ASKED,
      lastSunExposure: DATE_NOT_ASKED,
      anticoagulants: null,
      bleedingDisorder: null,
      keloidHistory: null,
      herpesHistory: null,
      activeInfection: null,
      photosensitisingDrugs: null,
      autoimmune: null,
      diabetes: null,
      recentFillerOrToxin: DATE_NOT_ASKED,
      ...Object.fromEntries(LATER_SCREENING_FLAGS.map((flag) => [flag, null])),
      allergies: { items: [], other: '' },
      medications: '',
      notes,
    },
    consents: [],
  };
}

const COLUMN_OF_FIELD: Record<string, (typeof AGENCY_CSV_COLUMNS)[number]> = {
  'names.native': 'native_name',
  'names.latin': 'latin_name',
  birthDate: 'birth_date',
  sex: 'sex',
  nationality: 'nationality',
  languages: 'languages',
  phone: 'phone',
  email: 'email',
  messengers: 'messengers',
  homeTimeZone: 'home_time_zone',
  homeCurrency: 'home_currency',
  'trip.arrival': 'arrival',
  'trip.departure': 'departure',
  'trip.stayAddress': 'stay_address',
  'skin.concerns': 'concerns',
  'screening.notes': 'notes',
};

/** The CSV column an intake field came from ("trip.departure" -> "departure"). */
export function columnOfField(path: readonly (string | number)[]): string {
  for (let length = path.length; length > 0; length--) {
    const column = COLUMN_OF_FIELD[path.slice(0, length).join('.')];
    if (column) return column;
  }
  return path.join('.');
}
