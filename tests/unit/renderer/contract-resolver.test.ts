// The forms' resolver is the contract channel's own schema: what the door refuses, the screen refuses, with the
// same issue code, at the form field the coordinator typed in.
import { describe, expect, it } from 'vitest';
import type { FieldValues, ResolverOptions } from 'react-hook-form';
import { contract } from '../../../src/shared/contract';
import { contractResolver } from '../../../src/renderer/src/forms/contract-resolver';
import { countFieldErrors, setIssueErrors } from '../../../src/renderer/src/forms/issue-errors';
import { emptyForm, fieldOfIssue, formToIntake, type IntakeForm } from '../../../src/renderer/src/screens/intake/intake-form';

const options = <T extends FieldValues>(): ResolverOptions<T> => ({ fields: {}, shouldUseNativeValidation: false });

const intakeResolver = contractResolver<IntakeForm>({
  schema: contract.createPatient.input,
  toInput: (form) => ({ patient: formToIntake(form) }),
  fieldOf: (path) => fieldOfIssue(path.slice(1)),
});

describe('contractResolver', () => {
  it("refuses an empty intake field by field with the door's codes, keyed by the form's own field names", async () => {
    const result = await intakeResolver(emptyForm(), undefined, options());
    expect(result.errors.nativeName?.message).toBe('required');
    expect(result.errors.birthDate?.message).toBe('required');
    // The door says the same about the same input.
    const door = contract.createPatient.input.safeParse({ patient: formToIntake(emptyForm()) });
    expect(door.success).toBe(false);
  });

  it('maps a nested input path to the form field (trip.departure -> departure)', async () => {
    const form = { ...emptyForm(), arrival: '2027-03-10', departure: '2027-03-01' };
    const result = await intakeResolver(form, undefined, options());
    expect(result.errors.departure?.message).toBe('departure_before_arrival');
    expect(result.errors.arrival).toBeUndefined();
  });

  it('passes the typed values through unchanged when the input is valid', async () => {
    const resolver = contractResolver<{ name: string; pin: string }>({ schema: contract.addCoordinator.input, toInput: (form) => form });
    const form = { name: 'Kim Jiwoo', pin: '482913' };
    const result = await resolver(form, undefined, options());
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(form);
    const refused = await resolver({ name: 'Kim Jiwoo', pin: '12' }, undefined, options());
    expect(refused.errors.pin?.message).toBe('invalid_pin');
  });
});

describe('setIssueErrors', () => {
  it('puts the first issue of each field on it and counts the fields', () => {
    const set: Record<string, string | undefined> = {};
    const count = setIssueErrors<{ contact: { phone: string }; clinicName: string }>(
      (name, error) => {
        set[name] = error.message;
      },
      [
        { path: ['contact', 'phone'], code: 'invalid_phone', message: '' },
        { path: ['contact', 'phone'], code: 'too_long', message: '' },
        { path: ['clinicName'], code: 'required', message: '' },
      ],
    );
    expect(count).toBe(2);
    expect(set).toEqual({ 'contact.phone': 'invalid_phone', clinicName: 'required' });
  });

  it('counts nested errors once per field', () => {
    expect(
      countFieldErrors({ contact: { phone: { type: 'x', message: 'required' } }, clinicName: { type: 'x', message: 'required' } }),
    ).toBe(2);
  });
});
