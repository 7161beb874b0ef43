import { describe, expect, it } from 'vitest';
import { doctorWithoutTitle } from '../../../src/shared/domain/consent/doctor-name';

describe("the doctor's name in the decision sentence", () => {
  it('takes off a leading Latin title the sentence already gives', () => {
    expect(doctorWithoutTitle('Dr Seo Yeon-woo')).toBe('Seo Yeon-woo');
    expect(doctorWithoutTitle('dr. Seo')).toBe('Seo');
    expect(doctorWithoutTitle('Doctor  Kim')).toBe('Kim');
  });
  it('leaves any other name as typed, and a bare title as it is', () => {
    expect(doctorWithoutTitle('Drake Lee')).toBe('Drake Lee');
    expect(doctorWithoutTitle('서연우')).toBe('서연우');
    expect(doctorWithoutTitle('Dr')).toBe('Dr');
  });
});
