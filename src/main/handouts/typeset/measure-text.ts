// Text widths straight from the parsed fonts (fontkit shaping, the same pdfkit draws with), cached per font and
// string: wrapping asks for the same words over and over.
import { fontRuns, type FontRun } from './script-fonts';
import { loadFont, type FontKey, type FontWeight } from './handout-fonts';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';

const widthCache = new Map<FontKey, Map<string, number>>();

/** Width of one run at 1 pt (multiply by the font size). */
export function runWidth(run: FontRun): number {
  let cache = widthCache.get(run.font);
  if (!cache) widthCache.set(run.font, (cache = new Map()));
  let width = cache.get(run.text);
  if (width === undefined) {
    const font = loadFont(run.font);
    width = font.layout(run.text).advanceWidth / font.unitsPerEm;
    cache.set(run.text, width);
  }
  return width;
}

export function textWidth(text: string, language: LanguageTag, weight: FontWeight, size: number): number {
  let width = 0;
  for (const run of fontRuns(text, language, weight)) width += runWidth(run);
  return width * size;
}
