import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  fieldOfIssue,
  formFromDraft,
  formToIntake,
  intakeToForm,
} from '../../../src/renderer/src/screens/intake/intake-form';
import { patientSchema } from '../../../src/shared/domain/intake/patient-schema';
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
    expect(formToIntake({ ...form, referralRoute: 'direct' }).referral).toEqual({ route: 'direct', agencyName: '', agencyRegistrationNumber: '', referrer: '' });
    const refused = patientSchema.safeParse(formToIntake({ ...form, referralRoute: 'agency', agencyName: ' ' }));
    expect(refused.success).toBe(false);
    const paths = refused.success ? [] : refused.error.issues.map((issue) => fieldOfIssue(issue.path as (string | number)[]));
    expect(paths).toEqual(['agencyName']);
  });

  it('reads an old draft without referral fields as "not recorded"', () => {
    expect(formFromDraft({ nativeName: '王' }).referralRoute).toBe('');
  });
});
