import { describe, expect, it } from 'vitest';
import { toIssues } from '../../../src/shared/contract/zod-issues';
import { caseFileSchema } from '../../../src/shared/domain/intake/case-file';
import { patientSchema } from '../../../src/shared/domain/intake/patient-schema';
import { FIXTURE_LANGUAGES, fixtureCase, fixtureCaseJson, fixtureIntake } from '../../support/temp-services';

type Patch = (patient: Record<string, any>) => void;

function issuesAfter(patch: Patch) {
  const patient = structuredClone(fixtureIntake('zh-Hans')) as Record<string, any>;
  patch(patient);
  const parsed = patientSchema.safeParse(patient);
  return parsed.success ? [] : toIssues(parsed.error, patient).map((issue) => `${issue.path.join('.')}:${issue.code}`);
}

describe('the intake schema', () => {
  it.each(FIXTURE_LANGUAGES)('accepts the %s case file as it is', (language) => {
    const parsed = caseFileSchema.safeParse(fixtureCaseJson(language));
    expect(parsed.success ? [] : toIssues(parsed.error, fixtureCaseJson(language))).toEqual([]);
  });

  it.each<[string, Patch, string]>([
    ['empty native name', (p) => (p.names.native = '   '), 'names.native:required'],
    ['Cyrillic passport name', (p) => (p.names.latin = 'Анна'), 'names.latin:latin_letters_only'],
    ['Vietnamese diacritics in passport name are Latin', (p) => (p.names.latin = 'Nguyễn Thị Lan'), ''],
    // A right-to-left override makes "王芳\u202Eabc" display reversed; isolates and marks do the same more quietly.
    ['a bidi override in the native name', (p) => (p.names.native = '王\u202E芳'), 'names.native:hidden_characters'],
    ['a bidi isolate in the native name', (p) => (p.names.native = '\u2067ريم\u2069 الحربي'), 'names.native:hidden_characters'],
    ['a right-to-left mark in the passport name', (p) => (p.names.latin = 'Wang\u200F Fang'), 'names.latin:hidden_characters'],
    ['an Arabic letter mark in the native name', (p) => (p.names.native = 'ريم\u061C'), 'names.native:hidden_characters'],
    ['a zero-width space in the passport name', (p) => (p.names.latin = 'Wang\u200BFang'), 'names.latin:hidden_characters'],
    ['a word joiner in the native name', (p) => (p.names.native = '王\u2060芳'), 'names.native:hidden_characters'],
    ['a zero-width no-break space inside the native name', (p) => (p.names.native = '王\uFEFF芳'), 'names.native:hidden_characters'],
    // Persian and Indic names need the joiners.
    ['a ZWNJ in a Persian native name', (p) => (p.names.native = 'مهر\u200Cانگیز'), ''],
    ['a ZWJ in a Devanagari native name', (p) => (p.names.native = 'क्\u200Dष'), ''],
    ['31 February', (p) => (p.birthDate = '1990-02-31'), 'birthDate:invalid_date'],
    ['29 February of a leap year', (p) => (p.birthDate = '1992-02-29'), ''],
    ['unknown country', (p) => (p.nationality = 'XX'), 'nationality:invalid_country'],
    ['lower-case country', (p) => (p.nationality = 'cn'), 'nationality:invalid_country'],
    ['no language', (p) => (p.languages = []), 'languages:required'],
    ['German (not served)', (p) => (p.languages = ['de']), 'languages.0:unsupported_language'],
    ['a language twice', (p) => (p.languages = ['ko', 'en', 'ko']), 'languages.2:duplicate'],
    ['too short a phone', (p) => (p.phone = '+86123'), 'phone:invalid_phone'],
    ['a phone that is not a real number', (p) => (p.phone = '+8612345678901'), 'phone:invalid_phone'],
    ['a phone without +', (p) => (p.phone = '8613800138000'), 'phone:invalid_phone'],
    ['no phone at all is allowed', (p) => (p.phone = null), ''],
    ['a bad e-mail', (p) => (p.email = 'wang@'), 'email:invalid_email'],
    ['a made-up time zone', (p) => (p.homeTimeZone = 'Mars/Olympus'), 'homeTimeZone:invalid_time_zone'],
    ['a made-up currency', (p) => (p.homeCurrency = 'XYZ'), 'homeCurrency:invalid_currency'],
    ['departure before arrival', (p) => (p.trip.departure = '2026-01-01'), 'trip.departure:departure_before_arrival'],
    ['a one-day stay', (p) => (p.trip.departure = p.trip.arrival), ''],
    ['a stay of 181 days', (p) => ((p.trip.arrival = '2026-01-01'), (p.trip.departure = '2026-07-01')), 'trip.departure:stay_too_long'],
    ['Fitzpatrick 7', (p) => (p.skin.fitzpatrick = 7), 'skin.fitzpatrick:invalid_choice'],
    ['an unknown concern', (p) => (p.skin.concerns = ['wrinkles']), 'skin.concerns.0:invalid_choice'],
    [
      '"other" allergy without text',
      (p) => (p.screening.allergies = { items: ['other'], other: ' ' }),
      'screening.allergies.other:other_allergy_needs_text',
    ],
    ['a screening answer as a string', (p) => (p.screening.pregnant = 'no'), 'screening.pregnant:invalid_type'],
    ['a missing screening answer', (p) => delete p.screening.pregnant, 'screening.pregnant:required'],
    ['no sex chosen', (p) => delete p.sex, 'sex:required'],
    ['no nationality', (p) => delete p.nationality, 'nationality:required'],
    ['an unknown field', (p) => (p.passportNumber = 'E1234'), 'passportNumber:unknown_field'],
    [
      'the same messenger twice',
      (p) =>
        (p.messengers = [
          { kind: 'wechat', handle: 'a' },
          { kind: 'wechat', handle: 'b' },
        ]),
      'messengers.1.kind:duplicate',
    ],
    [
      'a consent granted twice without withdrawal',
      (p) => (p.consents = [p.consents[0], { ...p.consents[0] }]),
      'consents.1:consent_granted_twice',
    ],
    [
      'a consent withdrawn before it was given',
      (p) => (p.consents = [{ ...p.consents[0], withdrawnAt: '2020-01-01T00:00:00+09:00' }]),
      'consents.0.withdrawnAt:withdrawn_before_granted',
    ],
  ])('%s', (_name, patch, expected) => {
    expect(issuesAfter(patch)).toEqual(expected === '' ? [] : [expected]);
  });

  it('keeps null ("not asked") apart from false in screening answers', () => {
    const patient = structuredClone(fixtureIntake('th')) as Record<string, any>;
    patient.screening.pregnant = null;
    const parsed = patientSchema.parse(patient);
    expect(parsed.screening.pregnant).toBeNull();
  });

  it('refuses a case file of another format version', () => {
    const file = { ...fixtureCase('ja'), format: 'clinicdesk.case/2' };
    const parsed = caseFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : toIssues(parsed.error, file).map((issue) => issue.code)).toEqual(['unsupported_format']);
  });
});
