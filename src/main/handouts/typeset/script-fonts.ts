// Which font draws which character. pdfkit has no font fallback: a string that mixes scripts shows missing-glyph
// boxes. So text is split into runs, each in one font: Hangul in Noto Sans KR, Han and kana in the CJK font of
// the text's language (a Japanese 骨 and a Chinese 骨 are drawn differently), Thai in Noto Sans Thai, Arabic in
// Amiri, everything else (Latin, Vietnamese, Cyrillic with Mongolian Ө ү) in Noto Sans, which the CJK fonts lack.
// Spaces, digits and punctuation stay in the font of the run they sit in when it has them.
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { fontKey, loadFont, type FontFamily, type FontKey, type FontWeight } from './handout-fonts';

const CJK_FONT: Record<LanguageTag, FontFamily> = {
  ko: 'NotoSansKR',
  ja: 'NotoSansJP',
  'zh-Hans': 'NotoSansSC',
  'zh-Hant': 'NotoSansTC',
  en: 'NotoSansSC',
  th: 'NotoSansSC',
  vi: 'NotoSansSC',
  ru: 'NotoSansSC',
  mn: 'NotoSansSC',
  ar: 'NotoSansSC',
};

const HANGUL = /\p{Script=Hangul}/u;
const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u30fc]/u;
const THAI = /\p{Script=Thai}/u;
const ARABIC = /[\p{Script=Arabic}\u060c\u061b\u061f\u0640]/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The family a character asks for, or null for a neutral that can take the font around it. */
export function preferredFamily(char: string, language: LanguageTag): FontFamily | null {
  if (HANGUL.test(char)) return 'NotoSansKR';
  if (HAN_KANA.test(char)) return CJK_FONT[language];
  if (THAI.test(char)) return 'NotoSansThai';
  if (ARABIC.test(char)) return 'Amiri';
  if (NEUTRAL.test(char)) return null;
  return 'NotoSans';
}

const FALLBACK_ORDER: readonly FontFamily[] = ['NotoSans', 'NotoSansKR', 'NotoSansSC', 'NotoSansJP', 'NotoSansTC', 'NotoSansThai', 'Amiri'];

/** fontkit's cmap lookup decodes lazily on every call; the answer per font and character never changes. */
const glyphAnswers = new Map<string, boolean>();
function hasGlyph(family: FontFamily, weight: FontWeight, char: string): boolean {
  const key = `${family}-${weight}\u0000${char}`;
  let answer = glyphAnswers.get(key);
  if (answer === undefined) {
    answer = loadFont(fontKey(family, weight)).hasGlyphForCodePoint(char.codePointAt(0)!);
    glyphAnswers.set(key, answer);
  }
  return answer;
}

export interface FontRun {
  readonly text: string;
  readonly font: FontKey;
}

/** Bidi and line-break controls take no room and no glyph: they are dropped from what is drawn. */
export const INVISIBLE_CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

const runCache = new Map<string, readonly FontRun[]>();
const RUN_CACHE_LIMIT = 50_000;

/** Split a string (one line, already in drawing order) into runs of one font each. */
export function fontRuns(text: string, language: LanguageTag, weight: FontWeight): readonly FontRun[] {
  const key = `${language}\u0000${weight}\u0000${text}`;
  let runs = runCache.get(key);
  if (!runs) {
    if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
    runs = splitRuns(text, language, weight);
    runCache.set(key, runs);
  }
  return runs;
}

function splitRuns(text: string, language: LanguageTag, weight: FontWeight): FontRun[] {
  const runs: { text: string; family: FontFamily }[] = [];
  for (const char of text.replace(INVISIBLE_CONTROLS, '')) {
    const preferred = preferredFamily(char, language);
    const current = runs.at(-1);
    let family: FontFamily;
    if (preferred === null && current && hasGlyph(current.family, weight, char)) family = current.family;
    else {
      const wanted = preferred ?? (language === 'ar' ? 'Amiri' : 'NotoSans');
      family = hasGlyph(wanted, weight, char) ? wanted : (FALLBACK_ORDER.find((f) => hasGlyph(f, weight, char)) ?? wanted);
    }
    if (current && current.family === family) current.text += char;
    else runs.push({ text: char, family });
  }
  return runs.map((run) => ({ text: run.text, font: fontKey(run.family, weight) }));
}
