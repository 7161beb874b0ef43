// Right-to-left lines for Arabic. pdfkit shapes Arabic letters but has no bidi: each line would read backwards
// and numbers would stick to the wrong words. So, per paragraph: isolate the left-to-right pieces (phone numbers,
// "SPF 50+", Latin terms) between LRI and PDI so they keep their own order; resolve embedding levels with bidi-js
// (the Unicode Bidirectional Algorithm); then per wrapped line reorder into visual runs. A right-to-left run of
// Arabic letters is drawn shaped as a whole (pdfkit `features: []` shapes the run as one string, and fontkit
// lays an Arabic run out right to left); other right-to-left pieces (spaces, brackets, isolated digits) are
// placed in visual order with brackets mirrored.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

const LRI = '\u2066';
const PDI = '\u2069';

/** Latin words, digits and phone-like tokens, possibly several joined by single spaces ("SPF 50+", "+82 2-1234-5678"). */
const LTR_SPAN = /[+]?[\p{Script=Latin}\d][\p{Script=Latin}\d+\-./:%']*(?: [+]?[\p{Script=Latin}\d][\p{Script=Latin}\d+\-./:%']*)*/gu;

export const containsRtl = (text: string): boolean => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(text);

/** Wrap each left-to-right span in LRI…PDI. The controls are invisible and never drawn. */
export function isolateLtrSpans(text: string): string {
  return text.replace(LTR_SPAN, (span) => `${LRI}${span}${PDI}`);
}

export interface VisualRun {
  /** Text in logical order for a shaped Arabic run (fontkit reverses it), else already in visual order. */
  readonly text: string;
  readonly rtl: boolean;
  /** True when the run should be shaped as one string (Arabic letters). */
  readonly shapeAsWhole: boolean;
}

const ARABIC_LETTER = /[\p{Script=Arabic}]/u;
const JOINS_ARABIC = /[\p{Script=Arabic}\p{Script=Inherited}\u200c\u200d]/u;

export interface ParagraphLevels {
  readonly text: string;
  readonly resolved: ReturnType<typeof bidi.getEmbeddingLevels>;
}

export function paragraphLevels(text: string, direction: 'rtl' | 'ltr'): ParagraphLevels {
  return { text, resolved: bidi.getEmbeddingLevels(text, direction) };
}

/** The runs of one wrapped line [start, end), left to right as they appear on the page. */
export function visualRuns(paragraph: ParagraphLevels, start: number, end: number): VisualRun[] {
  const { text, resolved } = paragraph;
  const { levels } = resolved;
  // Trailing spaces hang outside the line on the reading side; they are not drawn.
  let last = end;
  while (last > start && /\s/u.test(text[last - 1]!)) last -= 1;
  if (last <= start) return [];
  const order = bidi.getReorderedIndices(text, resolved, start, last - 1).slice(start, last);
  const mirrored = bidi.getMirroredCharactersMap(text, levels, start, last - 1);
  const runs: { chars: string[]; rtl: boolean; arabic: boolean }[] = [];
  for (const index of order) {
    const char = text[index]!;
    if (/[\u2066-\u2069\u200e\u200f\u202a-\u202e]/u.test(char)) continue;
    const rtl = levels[index]! % 2 === 1;
    const arabic = rtl && JOINS_ARABIC.test(char);
    const current = runs.at(-1);
    if (current && current.rtl === rtl && current.arabic === arabic) current.chars.push(mirrored.get(index) ?? char);
    else runs.push({ chars: [mirrored.get(index) ?? char], rtl, arabic });
  }
  return runs.map((run) =>
    run.arabic && run.chars.some((c) => ARABIC_LETTER.test(c))
      ? { text: [...run.chars].reverse().join(''), rtl: true, shapeAsWhole: true }
      : { text: run.chars.join(''), rtl: run.rtl, shapeAsWhole: false },
  );
}
