import { describe, expect, it } from 'vitest';
import { emptyForm, fieldOfIssue, formFromDraft, formToIntake, intakeToForm } from '../../../src/renderer/src/screens/intake/intake-form';
import { patientSchema } from '../../../src/shared/domain/intake/patient-schema';
import { DATE_NOT_ASKED, SCREENING_DATES } from '../../../src/shared/domain/intake/vocabulary';
import { FIXTURE_LANGUAGES, fixtureIntake } from '../../support/temp-services';

describe('the intake form state', () => {
  it.each(FIXTURE_LANGUAGES)('turns a saved %s intake into the form and back unchanged', (language) => {
    const patient = patientSchema.parse(fixtureIntake(language));
    const back = patientSchema.parse(formToIntake(intakeToForm(patient)));
    expect(back).toEqual(patient);
  });

  it('turns a phone typed with spaces into E.164, and keeps a half-typed one as typed', () => {
    expect(formToIntake({ ...emptyForm(), phone: '+86 138 0013 8000' }).phone).toBe('+8613800138000');
    expect(formToIntake({ ...emptyForm(), phone: '+86 138' }).phone).toBe('+86 138');
  });

  it('an empty form reports the required fields as required', () => {
    const parsed = patientSchema.safeParse(formToIntake(emptyForm()));
    expect(parsed.success).toBe(false);
  });

  it('maps issue paths to the form fields that show them', () => {
    expect(fieldOfIssue(['names', 'native'])).toBe('nativeName');
    expect(fieldOfIssue(['trip', 'departure'])).toBe('departure');
    expect(fieldOfIssue(['screening', 'allergies', 'other'])).toBe('allergyOther');
    expect(fieldOfIssue(['screening', 'pregnant'])).toBe('pregnant');
    expect(fieldOfIssue(['languages', 2])).toBe('languages');
    expect(fieldOfIssue(['messengers', 1, 'kind'])).toBe('messengers');
  });

  it('restores a draft from storage, filling what an older draft lacks', () => {
    const form = formFromDraft({ nativeName: '王芳', answers: { pregnant: 'no' } });
    expect(form.nativeName).toBe('王芳');
    expect(form.answers.pregnant).toBe('no');
    expect(form.answers.breastfeeding).toBe('');
    expect(formFromDraft('garbage')).toEqual(emptyForm());
  });
});

describe('the date questions in the intake form', () => {
  const screened = (screening: Partial<ReturnType<typeof patientSchema.parse>['screening']>) => {
    const base = patientSchema.parse(fixtureIntake('ar'));
    return patientSchema.parse({ ...base, screening: { ...base.screening, ...screening } });
  };

  it('starts a new intake with every date question "not asked", saved as not asked', () => {
    const form = emptyForm();
    expect(Object.values(form.dateStates)).toEqual(SCREENING_DATES.map(() => 'not_asked'));
    const screening = formToIntake(form).screening as Record<string, unknown>;
    for (const date of SCREENING_DATES) expect(screening[date]).toBe(DATE_NOT_ASKED);
  });

  it('loads not asked, never and a date as the three answers, and saves each back unchanged', () => {
    const patient = screened({
      isotretinoinLastDose: '2026-10-01',
      retinoidLastUse: null,
      lastSunExposure: DATE_NOT_ASKED,
      recentFillerOrToxin: null,
    });
    const form = intakeToForm(patient);
    expect(form.dateStates).toEqual({
      isotretinoinLastDose: 'date',
      retinoidLastUse: 'never',
      lastSunExposure: 'not_asked',
      recentFillerOrToxin: 'never',
    });
    expect(form.dates.isotretinoinLastDose).toBe('2026-10-01');
    expect(form.dates.lastSunExposure).toBe('');
    expect(patientSchema.parse(formToIntake(form))).toEqual(patient);
  });

  it('keeps a typed date when "never" is chosen, saves "never", and finds the date again on switching back', () => {
    const form = {
      ...emptyForm(),
      dateStates: { ...emptyForm().dateStates, isotretinoinLastDose: 'never' as const },
      dates: { ...emptyForm().dates, isotretinoinLastDose: '2026-10-01' },
    };
    expect(formToIntake(form).screening.isotretinoinLastDose).toBeNull();
    expect(formToIntake({ ...form, dateStates: { ...form.dateStates, isotretinoinLastDose: 'date' } }).screening.isotretinoinLastDose).toBe(
      '2026-10-01',
    );
  });

  it('asks for the date beside its question when "date" is chosen and none typed', () => {
    const base = intakeToForm(patientSchema.parse(fixtureIntake('ar')));
    const form = {
      ...base,
      dateStates: { ...base.dateStates, lastSunExposure: 'date' as const },
      dates: { ...base.dates, lastSunExposure: ' ' },
    };
    const refused = patientSchema.safeParse(formToIntake(form));
    expect(refused.success).toBe(false);
    const fields = refused.success ? [] : refused.error.issues.map((issue) => fieldOfIssue(issue.path as (string | number)[]));
    expect(fields).toEqual(['lastSunExposure']);
  });

  it('reads an older draft without answers for the dates: a typed date is a date, an empty one "not asked"', () => {
    const form = formFromDraft({ dates: { isotretinoinLastDose: '2026-10-01', retinoidLastUse: '' } });
    expect(form.dateStates.isotretinoinLastDose).toBe('date');
    expect(form.dateStates.retinoidLastUse).toBe('not_asked');
    expect(formFromDraft({ dateStates: { retinoidLastUse: 'never' } }).dateStates.retinoidLastUse).toBe('never');
  });
});

describe('the referral route in the intake form', () => {
  it('saves no route while none is chosen, and keeps a chosen one through the form and back', () => {
    const patient = patientSchema.parse(fixtureIntake('vi'));
    expect(formToIntake(intakeToForm(patient)).referral).toBeUndefined();
    const referred = patientSchema.parse({
      ...fixtureIntake('vi'),
      referral: { route: 'agency', agencyName: 'Hanoi Health Travel', agencyRegistrationNumber: 'A-2025-0301' },
    });
    expect(patientSchema.parse(formToIntake(intakeToForm(referred)))).toEqual(referred);
  });

  it('keeps agency details out of another route, and points an agency without details at its fields', () => {
    const form = { ...intakeToForm(patientSchema.parse(fixtureIntake('vi'))), agencyName: 'Old agency', agencyRegistrationNumber: 'X-1' };
    expect(formToIntake({ ...form, referralRoute: 'direct' }).referral).toEqual({
      route: 'direct',
      agencyName: '',
      agencyRegistrationNumber: '',
      referrer: '',
    });
    const refused = patientSchema.safeParse(formToIntake({ ...form, referralRoute: 'agency', agencyName: ' ' }));
    expect(refused.success).toBe(false);
    const paths = refused.success ? [] : refused.error.issues.map((issue) => fieldOfIssue(issue.path as (string | number)[]));
    expect(paths).toEqual(['agencyName']);
  });

  it('reads an old draft without referral fields as "not recorded"', () => {
    expect(formFromDraft({ nativeName: '王' }).referralRoute).toBe('');
  });
});
