// The faster TrueType subset writes the same font file as fontkit's own, composite glyphs (Vietnamese letters
// built from a base and accents) included.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { resourcePath } from '../../../src/main/resources';
import { useFastSubsets } from '../../../src/main/handouts/typeset/glyph-subset';

const open = (file: string) => fontkit.create(readFileSync(resourcePath('fonts', file))) as fontkit.Font;

/** The font file a subset of these texts' glyphs encodes to. */
function subsetOf(font: fontkit.Font, texts: readonly string[]): Buffer {
  const subset = font.createSubset();
  for (const text of texts) for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph);
  return Buffer.from(subset.encode());
}

describe('the faster font subset', () => {
  it.each([
    ['NotoSans-Regular.ttf', ['Tránh nắng, dùng kem chống nắng SPF 50+ mỗi ngày.', 'Не трите кожу. Өдөр бүр ү']],
    ['NotoSans-Bold.ttf', ['Ngày 1–3: rửa mặt nhẹ nhàng', 'Hydrafacial']],
    ['Amiri-Regular.ttf', ['تجنب الشمس واستخدم واقي الشمس كل يوم (SPF 50+).']],
    ['NotoSansThai-Regular.ttf', ['ทาครีมกันแดดทุกวัน ห้ามขัดผิว']],
  ])('%s: the same bytes as fontkit’s own, twice over', (file, texts) => {
    const expected = subsetOf(open(file), texts);
    const fast = open(file);
    useFastSubsets(fast);
    expect(subsetOf(fast, texts).equals(expected)).toBe(true);
    // The second document reads the glyphs from what the first one kept.
    expect(subsetOf(fast, texts).equals(expected)).toBe(true);
  });
});
