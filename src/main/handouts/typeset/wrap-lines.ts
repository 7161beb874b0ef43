// Greedy line filling over break units, measured with the real fonts. Trailing spaces hang past the margin (they
// are not counted), and a unit wider than the whole line (a long URL) is cut between graphemes.
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { breakUnits, type BreakUnit } from './break-units';

export interface WrappedLine {
  /** Logical (reading-order) range of the paragraph's text. */
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

export type Measure = (text: string) => number;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function splitWide(text: string, unit: BreakUnit, maxWidth: number, measure: Measure): BreakUnit[] {
  const pieces: BreakUnit[] = [];
  let start = unit.start;
  for (const { index } of graphemes.segment(text.slice(unit.start, unit.end))) {
    const at = unit.start + index;
    if (at > start && measure(text.slice(start, at + 1)) > maxWidth) {
      pieces.push({ start, end: at });
      start = at;
    }
  }
  pieces.push({ start, end: unit.end });
  return pieces;
}

export function wrapLines(text: string, language: LanguageTag, maxWidth: number, measure: Measure): WrappedLine[] {
  const lines: WrappedLine[] = [];
  let line: { start: number; end: number; width: number; trimmed: number } | null = null;
  for (const unit of breakUnits(text, language).flatMap((unit) =>
    measure(text.slice(unit.start, unit.end).trimEnd()) > maxWidth ? splitWide(text, unit, maxWidth, measure) : [unit],
  )) {
    const piece = text.slice(unit.start, unit.end);
    const full = measure(piece);
    const trimmed = measure(piece.trimEnd());
    if (line && line.width + trimmed <= maxWidth) {
      line = { start: line.start, end: unit.end, width: line.width + full, trimmed: line.width + trimmed };
      continue;
    }
    if (line) lines.push({ start: line.start, end: line.end, width: line.trimmed });
    line = { start: unit.start, end: unit.end, width: full, trimmed };
  }
  if (line) lines.push({ start: line.start, end: line.end, width: line.trimmed });
  return lines;
}
