// The week's Done record as typed becomes setSessionStatus's input, and the door's issues come back to the field
// they name.
import { describe, expect, it } from 'vitest';
import type { SessionListing } from '../../../src/shared/contract/plans';
import { contract } from '../../../src/shared/contract';
import { doneInput, emptyDoneForm, fieldOfDoneIssue } from '../../../src/renderer/src/screens/week/done-record-form';

const session = {
  patientId: '0f6f2b7e-6b1d-4c1a-9f4a-2b8f6f0d9a11',
  index: 2,
  sessionId: '6c1f0c2a-7d3e-4f5b-8a9c-1d2e3f4a5b6c',
  version: 3,
} as SessionListing;

describe('the Done record form', () => {
  it('keeps only the settings and photos typed, under the keys the record uses, and trims the names', () => {
    const form = {
      ...emptyDoneForm(),
      doctor: ' Dr. Kim ',
      fluence: '2.8 J/cm²',
      spotSize: '6 mm',
      photos: { ...emptyDoneForm().photos, front: session.sessionId! },
    };
    const input = doneInput(session, form);
    expect(input).toEqual({
      patientId: session.patientId,
      index: 2,
      sessionId: session.sessionId,
      expectedVersion: 3,
      status: 'done',
      record: {
        doctor: 'Dr. Kim',
        device: '',
        settings: { fluence: '2.8 J/cm²', 'spot size': '6 mm' },
        notes: '',
        photos: { front: session.sessionId },
      },
    });
    expect(contract.setSessionStatus.input.safeParse(input).success).toBe(true);
  });

  it('leaves photos out when none is chosen, and an empty doctor is refused by the channel at record.doctor', () => {
    const input = doneInput(session, emptyDoneForm());
    expect(input.record).not.toHaveProperty('photos');
    const parsed = contract.setSessionStatus.input.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => fieldOfDoneIssue(issue.path as (string | number)[]))).toContain('doctor');
  });

  it('names the form field of each record issue', () => {
    expect(fieldOfDoneIssue(['record', 'photos', 'front'])).toBe('photos.front');
    expect(fieldOfDoneIssue(['record', 'settings', 'spot size'])).toBe('spotSize');
    expect(fieldOfDoneIssue(['record', 'notes'])).toBe('notes');
    expect(fieldOfDoneIssue(['status'])).toBe('status');
  });
});
