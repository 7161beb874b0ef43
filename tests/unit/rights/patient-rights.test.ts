// The pure rules of the patient's rights: the retention date, what an erasure request removes at once, and what
// counts as a withdrawn consent to the processing of sensitive data.
import { describe, expect, it } from 'vitest';
import {
  addYears,
  eraseUnrequiredData,
  erasedFieldPaths,
  isRetentionOver,
  photosOnlyForMarketing,
  retentionUntil,
  sensitiveDataConsentWithdrawn,
} from '../../../src/shared/domain/rights/patient-rights';
import { patientSchema, type Consent, type PatientIntake } from '../../../src/shared/domain/intake/patient-schema';
import { fixtureIntake } from '../../support/temp-services';

const consent = (kind: Consent['kind'], withdrawnAt: string | null = null): Consent => ({
  kind,
  grantedAt: '2026-01-05T10:00:00+09:00',
  withdrawnAt,
  textVersion: '2026-01',
});

describe('retention date', () => {
  it('adds whole years on the same day, 29 February becoming 28 February', () => {
    expect(addYears('2026-12-08', 10)).toBe('2036-12-08');
    expect(addYears('2028-02-29', 10)).toBe('2038-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(() => addYears('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addYears('2026-01-01', -1)).toThrow(RangeError);
  });

  it('counts from the last treatment, or from the intake when no treatment was recorded', () => {
    expect(retentionUntil({ lastTreatmentDate: '2027-03-02', intakeDate: '2026-11-24', years: 10 })).toBe('2037-03-02');
    expect(retentionUntil({ lastTreatmentDate: null, intakeDate: '2026-11-24', years: 10 })).toBe('2036-11-24');
    // A treatment dated before the intake (imported history) never shortens the retention.
    expect(retentionUntil({ lastTreatmentDate: '2025-01-01', intakeDate: '2026-11-24', years: 5 })).toBe('2031-11-24');
  });

  it('is over only on the day after the retention date', () => {
    expect(isRetentionOver('2036-11-24', '2036-11-24')).toBe(false);
    expect(isRetentionOver('2036-11-24', '2036-11-25')).toBe(true);
    expect(isRetentionOver('2036-11-24', '2030-01-01')).toBe(false);
  });
});

describe('erasure at once', () => {
  const patient = (): PatientIntake => {
    const intake = patientSchema.parse(fixtureIntake('ja'));
    return { ...intake, consents: [...intake.consents, consent('photos_marketing')] };
  };

  it('removes messenger handles, e-mail and marketing consent; keeps identity, phone, screening and other consents', () => {
    const before = patient();
    const after = eraseUnrequiredData(before);
    expect(after.messengers).toEqual([]);
    expect(after.email).toBeNull();
    expect(after.consents.map((c) => c.kind)).toEqual(['sensitive_data', 'photos_medical_record']);
    expect(after.names).toEqual(before.names);
    expect(after.phone).toBe(before.phone);
    expect(after.screening).toEqual(before.screening);
    expect(after.trip).toEqual(before.trip);
    expect(erasedFieldPaths(before, 3)).toEqual(['messengers', 'email', 'consents.photos_marketing']);
    expect(erasedFieldPaths(after, 3)).toEqual([]);
  });

  it('tells photos taken only under marketing consent: a marketing consent and never one for the record', () => {
    expect(photosOnlyForMarketing([consent('photos_marketing')])).toBe(true);
    expect(photosOnlyForMarketing([consent('photos_marketing'), consent('photos_medical_record', '2026-02-01T10:00:00+09:00')])).toBe(
      false,
    );
    expect(photosOnlyForMarketing([consent('photos_medical_record')])).toBe(false);
    expect(photosOnlyForMarketing([])).toBe(false);
    const marketingOnly = { ...patient(), consents: [consent('sensitive_data'), consent('photos_marketing')] };
    expect(erasedFieldPaths(marketingOnly, 2)).toContain('photos');
    expect(erasedFieldPaths(marketingOnly, 0)).not.toContain('photos');
  });
});

describe('withdrawn consent to the processing of sensitive data', () => {
  it('is withdrawn when every sensitive_data record is withdrawn, not when none was ever recorded', () => {
    expect(sensitiveDataConsentWithdrawn([consent('sensitive_data', '2026-02-01T10:00:00+09:00')])).toBe(true);
    expect(sensitiveDataConsentWithdrawn([consent('sensitive_data', '2026-02-01T10:00:00+09:00'), consent('sensitive_data')])).toBe(false);
    expect(sensitiveDataConsentWithdrawn([consent('sensitive_data')])).toBe(false);
    expect(sensitiveDataConsentWithdrawn([])).toBe(false);
    expect(sensitiveDataConsentWithdrawn([consent('photos_marketing', '2026-02-01T10:00:00+09:00')])).toBe(false);
  });
});
