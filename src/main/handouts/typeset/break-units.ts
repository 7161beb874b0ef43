// Where a line may break. Hand-written on top of Intl.Segmenter because no library does all of what handouts
// need: pdfkit's own breaker (UAX #14) cuts Thai inside syllables and Korean inside words. Intl.Segmenter's
// dictionary word boundaries give Thai, Chinese and Japanese their break points; Korean breaks only at spaces
// (word-break: keep-all, as Korean print does); Latin, Cyrillic, Vietnamese and Arabic at spaces. Punctuation
// sticks to its word: a closing mark never starts a line, an opening one never ends it.
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';

/** A piece of text that is never broken inside (unless it alone is wider than the line). */
export interface BreakUnit {
  readonly start: number;
  readonly end: number;
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u3000-\u303f\uff00-\uffef\u30fc]/u;
const CLOSING = /^[\p{Pe}\p{Pf}\p{Po}、。，．：；！？）」』】〉》ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]/u;
const OPENING = /[\p{Ps}\p{Pi}（「『【〈《]$/u;
const SPACE = /\s$/u;

const segmenters = new Map<LanguageTag, Intl.Segmenter>();
const segmenterFor = (language: LanguageTag): Intl.Segmenter => {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })));
  return segmenter;
};

function mayBreakBetween(before: string, after: string): boolean {
  if (SPACE.test(before)) return true;
  if (/^\s/u.test(after)) return false;
  if (CLOSING.test(after) || OPENING.test(before)) return false;
  const last = [...before].at(-1)!;
  const first = [...after][0]!;
  return SPACELESS.test(last) || SPACELESS.test(first);
}

/** Handouts repeat the same sentences document after document; segmenting is the costly part. */
const cache = new Map<string, readonly BreakUnit[]>();
const CACHE_LIMIT = 20_000;

export function breakUnits(text: string, language: LanguageTag): readonly BreakUnit[] {
  const key = `${language}\u0000${text}`;
  let units = cache.get(key);
  if (!units) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    units = segmentUnits(text, language);
    cache.set(key, units);
  }
  return units;
}

function segmentUnits(text: string, language: LanguageTag): BreakUnit[] {
  const units: BreakUnit[] = [];
  let start = 0;
  let previous = '';
  for (const { segment, index } of segmenterFor(language).segment(text)) {
    if (index > start && mayBreakBetween(previous, segment)) {
      units.push({ start, end: index });
      start = index;
      previous = '';
    }
    previous += segment;
  }
  if (start < text.length) units.push({ start, end: text.length });
  return units;
}
