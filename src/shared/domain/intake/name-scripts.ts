// Whether a native name is written in the script its patient's nationality and languages lead one to expect.
// Legacy code pages decode each other's bytes without an error (a CP949 Korean name read as GB18030 is a row of
// common Chinese characters), so the import picks the encoding whose names fit their rows, and refuses a file
// whose names fit no encoding. Only East Asian scripts are judged; any other name is neutral.
import type { LanguageTag } from './vocabulary';

type Expectation = 'korean' | 'japanese' | 'chinese';

const BY_NATIONALITY: Record<string, Expectation> = {
  KR: 'korean',
  KP: 'korean',
  JP: 'japanese',
  CN: 'chinese',
  TW: 'chinese',
  HK: 'chinese',
  MO: 'chinese',
};

const BY_LANGUAGE: Partial<Record<LanguageTag, Expectation>> = {
  ko: 'korean',
  ja: 'japanese',
  'zh-Hans': 'chinese',
  'zh-Hant': 'chinese',
};

const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
/** Half-width katakana: what Korean or Chinese bytes turn into when read as Shift-JIS; never in a name today. */
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** +1 the name fits the row, -1 it cannot be right, 0 nothing to judge (no East Asian script, or no expectation). */
export type NameFit = 1 | 0 | -1;

export function nameFit(name: string, nationality: string, languages: readonly string[]): NameFit {
  const chars = [...name];
  const has = (pattern: RegExp) => chars.some((char) => pattern.test(char));
  const hangul = has(HANGUL);
  const halfwidth = has(HALFWIDTH_KANA);
  const kana = chars.some((char) => KANA.test(char) && !HALFWIDTH_KANA.test(char));
  const han = has(HAN);
  if (!hangul && !kana && !han && !halfwidth) return 0;
  // Mixtures no person's name has: a hint of a wrong decoding whatever the row says.
  if (halfwidth || (hangul && kana)) return -1;
  const expected = new Set<Expectation>();
  const byNationality = BY_NATIONALITY[nationality.trim().toUpperCase()];
  if (byNationality) expected.add(byNationality);
  for (const language of languages) {
    const byLanguage = BY_LANGUAGE[language.trim() as LanguageTag];
    if (byLanguage) expected.add(byLanguage);
  }
  if (expected.size === 0) return 0;
  const fits =
    (expected.has('korean') && hangul) ||
    (expected.has('japanese') && !hangul && (han || kana)) ||
    (expected.has('chinese') && han && !hangul && !kana);
  return fits ? 1 : -1;
}
