// One paragraph of one language, typeset into lines of positioned font runs: wrap with the real fonts, reorder
// right-to-left lines, then split each line into runs of one font. Nothing is drawn here, so a block's height is
// known before it is placed (to keep a block and its translation on one page).
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { containsRtl, isolateLtrSpans, paragraphLevels, visualRuns } from './bidi-runs';
import type { FontKey, FontWeight } from './handout-fonts';
import { runWidth, textWidth } from './measure-text';
import { fontRuns } from './script-fonts';
import { wrapLines } from './wrap-lines';

export interface Txt {
  readonly text: string;
  readonly lang: LanguageTag;
}

export interface PlacedRun {
  readonly text: string;
  readonly font: FontKey;
  /** From the line's left edge, in points. */
  readonly x: number;
  /** Arabic: shape the run as one string so fontkit lays it out right to left. */
  readonly shapeAsWhole: boolean;
}

export interface TypesetLine {
  readonly runs: readonly PlacedRun[];
  readonly width: number;
}

export interface TypesetParagraph {
  readonly lines: readonly TypesetLine[];
  readonly size: number;
  readonly lineHeight: number;
  readonly rtl: boolean;
}

/** Arabic and Thai marks sit high and low: those lines need more room. */
export const lineHeightFactor = (lang: LanguageTag): number => (lang === 'ar' ? 1.6 : lang === 'th' ? 1.5 : 1.35);

export const isRtlLanguage = (lang: LanguageTag): boolean => lang === 'ar';

/** Amiri's letters are small for their point size beside Noto Sans: Arabic is set a little larger to match. */
const sizeFor = (lang: LanguageTag, size: number): number => (lang === 'ar' ? size * 1.15 : size);

export function typesetParagraph(txt: Txt, requestedSize: number, weight: FontWeight, maxWidth: number): TypesetParagraph {
  const size = sizeFor(txt.lang, requestedSize);
  const rtl = isRtlLanguage(txt.lang);
  const hasRtl = containsRtl(txt.text);
  const text = hasRtl && rtl ? isolateLtrSpans(txt.text) : txt.text;
  const measure = (piece: string) => textWidth(piece, txt.lang, weight, size);
  const levels = hasRtl ? paragraphLevels(text, rtl ? 'rtl' : 'ltr') : null;
  const lines = wrapLines(text, txt.lang, maxWidth, measure).map((line): TypesetLine => {
    const pieces = levels
      ? visualRuns(levels, line.start, line.end)
      : [{ text: text.slice(line.start, line.end).trimEnd(), shapeAsWhole: false }];
    const runs: PlacedRun[] = [];
    let x = 0;
    for (const piece of pieces) {
      for (const run of fontRuns(piece.text, txt.lang, weight)) {
        runs.push({ text: run.text, font: run.font, x, shapeAsWhole: piece.shapeAsWhole });
        x += runWidth(run) * size;
      }
    }
    return { runs, width: x };
  });
  return { lines, size, lineHeight: size * lineHeightFactor(txt.lang), rtl };
}

export const paragraphHeight = (paragraph: TypesetParagraph): number => paragraph.lines.length * paragraph.lineHeight;
