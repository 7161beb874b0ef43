// Shaping a word from pieces (a word and its trailing space, Chinese by character, Thai by dictionary word) gives
// the glyphs and advances that shaping it whole gives, for every text of the handouts in every language, so what
// is measured and drawn from the shared cache is what pdfkit would have drawn.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcePath } from '../../../src/main/resources';
import { loadFont } from '../../../src/main/handouts/typeset/handout-fonts';
import { fontRuns } from '../../../src/main/handouts/typeset/script-fonts';
import { shapedWidth, shapedWords } from '../../../src/main/handouts/typeset/shaping';
import type { LanguageTag } from '../../../src/shared/domain/intake/vocabulary';

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

const LANGUAGES = readdirSync(resourcePath('locales')) as LanguageTag[];

describe('shaping from pieces', () => {
  it.each(LANGUAGES)('%s: the same glyphs and advances as shaping each word whole', (language) => {
    const texts = ['handout.json', 'catalog.json'].flatMap((file) => {
      try {
        return strings(JSON.parse(readFileSync(resourcePath('locales', language, file), 'utf8')));
      } catch {
        return [];
      }
    });
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      for (const weight of ['Regular', 'Bold'] as const) {
        for (const run of fontRuns(text, language, weight)) {
          const font = loadFont(run.font);
          const words = run.text.match(/[^ \t]*[ \t]?/gu)!.filter(Boolean);
          const whole = words.map((word) => font.layout(word));
          const shaped = shapedWords(run.font, run.text);
          expect(
            shaped.map((r) => r.glyphs.map((g) => g.id)),
            run.text,
          ).toEqual(whole.map((r) => r.glyphs.map((g) => g.id)));
          const advance = whole.reduce((sum, r) => sum + r.advanceWidth, 0) / font.unitsPerEm;
          expect(shapedWidth(run.font, run.text)).toBeCloseTo(advance, 9);
        }
      }
    }
  });
});
