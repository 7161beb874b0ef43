// The searches of the benchmark: what a coordinator types to find a patient who is in the database.
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { PatientIntake } from '../src/shared/domain/intake/patient-schema';
import { seededRandom } from './seeded-random';

const SHORT_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** `length` characters (code points) of `text` from a random position; all of it if it is shorter. */
function part(text: string, length: number, random: () => number): string {
  const chars = [...text];
  if (chars.length <= length) return text;
  const start = Math.floor(random() * (chars.length - length + 1));
  return chars.slice(start, start + length).join('');
}

/**
 * What a coordinator types to find a patient who exists: part of one word of the native name (one or two
 * characters of a Han, Hangul or Kana name; three to six of the others), three to six letters of the passport
 * name, or four to eight digits of the phone in its international or national form.
 */
function queryFor(patient: PatientIntake, kind: number, random: () => number): string {
  if (kind === 0) {
    const native = patient.names.native;
    if (SHORT_SCRIPT.test(native)) {
      const scriptWords = native.split(' ').filter((w) => SHORT_SCRIPT.test(w));
      return part(scriptWords[Math.floor(random() * scriptWords.length)]!, 1 + Math.floor(random() * 2), random);
    }
    const long = native.split(' ').filter((w) => [...w].length >= 3);
    const length = 3 + Math.floor(random() * 4);
    return long.length > 0 ? part(long[Math.floor(random() * long.length)]!, length, random) : part(native, length, random);
  }
  if (kind === 1) {
    const latin = patient.names.latin.toLowerCase();
    const latinWords = latin.split(/[^a-z]+/).filter((w) => w.length >= 3);
    const length = 3 + Math.floor(random() * 4);
    // "Ho Yen", "Li Na": no word has three letters, so the coordinator types across the space.
    return latinWords.length > 0
      ? part(latinWords[Math.floor(random() * latinWords.length)]!, length, random)
      : part(latin, length, random);
  }
  const phone = patient.phone!;
  const digits = random() < 0.5 ? phone.slice(1) : parsePhoneNumberWithError(phone).formatNational().replace(/\D/g, '');
  return part(digits, 4 + Math.floor(random() * 5), random);
}

export function queriesFor(patients: readonly PatientIntake[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => queryFor(patients[Math.floor(random() * patients.length)]!, i % 3, random));
}
