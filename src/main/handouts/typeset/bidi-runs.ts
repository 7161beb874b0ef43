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

/** A word with no Arabic letter in it that holds a letter or digit of its own: Latin, Hangul, an e-mail, a URL,
 * "1,777.78", "+82", "2-1234-5678". Punctuation inside it (@ . , : / -) belongs to it; punctuation at its ends
 * belongs to the Arabic sentence around it, so "(10%)." isolates only "10%". */
const LTR_WORD = /^[^\s\p{Script=Arabic}]*(?!\p{Script=Arabic})[\p{L}\p{N}][^\s\p{Script=Arabic}]*$/u;
const LEADING = /^[(\[{«"'“‘]+/u;
const TRAILING = /[)\]}»"'”’.,:;!?،؛؟]+$/u;

export const containsRtl = (text: string): boolean => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(text);

/** Wrap each left-to-right stretch in LRI…PDI: consecutive left-to-right words joined by single spaces ("SPF 50+",
 * "+82 2-1234-5678", "123 Teheran-ro, Gangnam-gu", a Korean address) keep their own order and their inner
 * punctuation. Without it the bidi algorithm lets the neutral "@", "," and "." of an e-mail or an amount take the
 * Arabic direction and reverses the pieces ("care@glow.example" printed as "glow.example@care", "1,777.78" as
 * "777.78,1"). Bidi marks that Intl puts into Arabic dates and amounts are dropped first: inside an isolate a
 * right-to-left mark would reverse the date again. The controls are invisible and never drawn. */
export function isolateLtrSpans(text: string): string {
  const pieces = text.replace(/[\u200e\u200f\u061c]/gu, '').split(/(\s+)/u);
  const words = pieces.map((piece, i) => {
    if (i % 2 === 1) return null;
    const lead = LEADING.exec(piece)?.[0] ?? '';
    const trail = TRAILING.exec(piece.slice(lead.length))?.[0] ?? '';
    const core = piece.slice(lead.length, piece.length - trail.length);
    return core !== '' && LTR_WORD.test(core) ? { lead, core, trail } : null;
  });
  // Word i continues the isolate of word i - 2 when one space parts them and no bracket or Arabic comma does.
  const joined = (i: number) =>
    i >= 2 &&
    pieces[i - 1] === ' ' &&
    words[i - 2] != null &&
    words[i] != null &&
    words[i]!.lead === '' &&
    !/[،؛؟]/u.test(words[i - 2]!.trail);
  let out = '';
  for (let i = 0; i < pieces.length; i += 1) {
    const word = words[i];
    if (i % 2 === 1 || !word) {
      out += pieces[i];
      continue;
    }
    const continues = joined(i + 2);
    out += (joined(i) ? '' : word.lead + LRI) + word.core;
    out += continues ? word.trail : PDI + word.trail;
  }
  return out;
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
