// Text widths for line breaking and run positions, from the shaping pdfkit draws with (typeset/shaping.ts), so a
// line measured is the line drawn.
import { fontRuns, type FontRun } from './script-fonts';
import type { FontWeight } from './handout-fonts';
import { shapedWidth } from './shaping';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';

/** Width of one run at 1 pt (multiply by the font size). */
export const runWidth = (run: FontRun): number => shapedWidth(run.font, run.text);

export function textWidth(text: string, language: LanguageTag, weight: FontWeight, size: number): number {
  let width = 0;
  for (const run of fontRuns(text, language, weight)) width += runWidth(run);
  return width * size;
}
