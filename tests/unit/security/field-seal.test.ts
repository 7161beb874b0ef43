import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldSeal, SealedFieldTamperedError } from '../../../src/main/security/field-seal';

describe('a sealed column value', () => {
  const seal = createFieldSeal(randomBytes(32));

  it('opens to the text sealed, is valid JSON, and never holds the text', () => {
    const plain = JSON.stringify({ notes: '헤르페스 이력, cold sores' });
    const sealed = seal.seal('patients.screening_json', plain);
    expect(() => JSON.parse(sealed) as unknown).not.toThrow();
    expect(sealed).not.toContain('cold sores');
    expect(seal.open('patients.screening_json', sealed)).toBe(plain);
    // A new IV each time: the same answers do not seal to the same text.
    expect(seal.seal('patients.screening_json', plain)).not.toBe(sealed);
  });

  it('refuses a value moved to another column, a changed byte, or another clinic key', () => {
    const sealed = seal.seal('patients.screening_json', '{"a":1}');
    expect(() => seal.open('plans.plan_json', sealed)).toThrow(SealedFieldTamperedError);
    const inner = (JSON.parse(sealed) as string).split(':');
    const bytes = Buffer.from(inner[1]!, 'base64');
    bytes[14]! ^= 1;
    expect(() => seal.open('patients.screening_json', JSON.stringify(`${inner[0]}:${bytes.toString('base64')}`))).toThrow(SealedFieldTamperedError);
    expect(() => createFieldSeal(randomBytes(32)).open('patients.screening_json', sealed)).toThrow(SealedFieldTamperedError);
  });

  it('reads a value written before sealing as it is', () => {
    expect(seal.open('followups.note', '')).toBe('');
    expect(seal.open('plans.plan_json', '{"items":[]}')).toBe('{"items":[]}');
  });
});
