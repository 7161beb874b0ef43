// Shaping (fontkit's OpenType layout: the glyphs and advances of a piece of text) done once per piece, font and
// process, and shared by everything that needs it: line breaking measures with it, run positions add it up, and
// pdfkit draws from it. pdfkit shapes text word by word (a word keeps its trailing space) through a cache it
// looks up by the word; that cache is this one, so drawing shapes nothing again, and what is measured is exactly
// what is drawn. Shaping costs about a millisecond a word in Amiri; it was most of a first handout's time, done
// three or four times over (units, trimmed units, whole lines, then pdfkit's own per document).
import { breakUnits } from './break-units';
import { loadFont, type FontKey } from './handout-fonts';

/** A shaped piece as pdfkit keeps it: positions in thousandths of the font size, each with its glyph's advance. */
export interface ShapedRun {
  readonly glyphs: readonly { readonly id: number; readonly codePoints: readonly number[] }[];
  readonly positions: readonly Record<string, number>[];
  readonly advanceWidth: number;
}

const caches = new Map<FontKey, { words: Record<string, ShapedRun>; size: number }>();
/** Per font: words, and texts measured. The handouts' own words are a few thousand per language; names, dates and
 * amounts add some per patient, so a cache that has grown this far in a long-running app starts again. */
const CACHE_LIMIT = 50_000;

/** The cache pdfkit's embedded font looks words up in (its `layoutCache`), one per font for every document. */
export function layoutCacheFor(font: FontKey): Record<string, ShapedRun> {
  let cache = caches.get(font);
  if (!cache || cache.size >= CACHE_LIMIT) caches.set(font, (cache = { words: Object.create(null) as Record<string, ShapedRun>, size: 0 }));
  return cache.words;
}

/** A word is put together from pieces, each shaped once, where that gives the glyphs and advances shaping the
 * whole would (tests/unit/handouts/shaping.test.ts). Chinese text has no spaces, so a line would be one word for
 * pdfkit: Han characters change neither shape nor spacing beside each other in the Chinese fonts, and each is
 * shaped once for every line it is in. (Not Japanese: Noto Sans JP narrows punctuation beside punctuation.) Thai
 * goes by its dictionary words, which shaping never crosses either. */
const HAN = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+$/u;
/** fontkit lays a run holding Arabic letters out right to left: its trailing space comes first. */
const ARABIC = /\p{Script=Arabic}/u;
const piecesOf = (font: FontKey, word: string): readonly string[] | null => {
  if (word.length < 2) return null;
  // A word and its trailing space: no font here shapes or kerns across a space, and the bare word is shaped anyway
  // (the last word of a line is drawn without its space).
  const bare = word.trimEnd();
  if (bare !== word && bare !== '') return ARABIC.test(bare) ? [word.slice(bare.length), bare] : [bare, word.slice(bare.length)];
  if ((font.startsWith('NotoSansSC') || font.startsWith('NotoSansTC')) && HAN.test(word)) return [...word];
  if (font.startsWith('NotoSansThai')) {
    const units = breakUnits(word, 'th');
    return units.length > 1 ? units.map(({ start, end }) => word.slice(start, end)) : null;
  }
  return null;
};

/** pdfkit's `layoutRun`: fontkit's layout, scaled to thousandths, each position given its glyph's advance. */
function shapeWhole(font: FontKey, text: string): ShapedRun {
  const parsed = loadFont(font);
  const run = parsed.layout(text);
  const scale = 1000 / parsed.unitsPerEm;
  const positions = run.positions.map((position, i) => ({
    xAdvance: position.xAdvance * scale,
    yAdvance: position.yAdvance * scale,
    xOffset: position.xOffset * scale,
    yOffset: position.yOffset * scale,
    advanceWidth: run.glyphs[i]!.advanceWidth * scale,
  }));
  return { glyphs: run.glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0) };
}

/** One word as pdfkit splits text (its trailing space or tab kept), from the cache or shaped into it. */
function shapedWord(font: FontKey, word: string): ShapedRun {
  const cache = layoutCacheFor(font);
  let run = cache[word];
  if (!run) {
    const pieces = piecesOf(font, word);
    if (pieces) {
      const runs = pieces.map((piece) => shapedWord(font, piece));
      run = {
        glyphs: runs.flatMap((r) => r.glyphs),
        positions: runs.flatMap((r) => r.positions),
        advanceWidth: runs.reduce((sum, r) => sum + r.advanceWidth, 0),
      };
    } else run = shapeWhole(font, word);
    cache[word] = run;
    caches.get(font)!.size += 1;
  }
  return run;
}

/** Words as pdfkit's layout splits them: after each space or tab. */
const WORD = /[^ \t]*[ \t]?/gu;
const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).filter((word) => word !== '');

/** The text as pdfkit will draw it, word by word. */
export const shapedWords = (font: FontKey, text: string): ShapedRun[] => wordsOf(text).map((word) => shapedWord(font, word));

/** Width of the text at 1 pt, as drawn. Kept per text too: wrapping asks for the same pieces over and over. */
const widths = new Map<FontKey, Map<string, number>>();
export function shapedWidth(font: FontKey, text: string): number {
  let known = widths.get(font);
  if (!known || known.size >= CACHE_LIMIT) widths.set(font, (known = new Map()));
  let width = known.get(text);
  if (width === undefined) {
    width = 0;
    for (const word of wordsOf(text)) width += shapedWord(font, word).advanceWidth;
    width /= 1000;
    known.set(text, width);
  }
  return width;
}

/** True when the glyphs drawn for the text carry its characters one for one, in order (a PDF maps glyphs to text;
 * where they do not, the drawing adds the text as ActualText). */
const spelling = new Map<string, boolean>();
export function glyphsSpellText(font: FontKey, text: string): boolean {
  const key = `${font}\u0000${text}`;
  let spells = spelling.get(key);
  if (spells === undefined) {
    if (spelling.size >= CACHE_LIMIT) spelling.clear();
    const codePoints = shapedWords(font, text).flatMap((run) => run.glyphs.flatMap((glyph) => glyph.codePoints));
    spells = String.fromCodePoint(...codePoints) === text;
    spelling.set(key, spells);
  }
  return spells;
}
